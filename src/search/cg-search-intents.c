/* cg-search-intents.c: the question words of each language and the kinds of section they ask for
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-intents"

#include "config.h"

#include <string.h>

#include "cg-search-fold.h"
#include "cg-search-intents.h"

/* The app's own table. Kinds (documented in docs/search.md, used by the built-in bundle):
 *   definition  what the topic is           prevention  how to avoid it
 *   causes      why it happens              outlook     what to expect
 *   symptoms    what it is like             overview    where to start
 *   diagnosis   how it is found
 *   treatment   what can be done
 * Cues are separated by "|" and folded when loaded, so accents and case do not matter. They
 * are the words of a question, not of a subject: "surgery" is a keyword of a section, "will
 * … help" a question about treatment. */
typedef struct
{
  const char *kind;
  const char *cues;
} BuiltinIntent;

static const BuiltinIntent intents_en[] = {
  { "definition", "what is|what's|what are|mean|meaning|define|definition|explain" },
  { "causes", "why|what causes|cause|reason|how come|come from|how did i get|because of|due to|linked to|lead to|trigger" },
  { "symptoms", "symptom|sign|feel like|look like|hurt|notice|what happens" },
  { "diagnosis", "diagnose|diagnosis|diagnosed|test|how do you know|how do i know|how can i tell|find out|check for|examine" },
  { "treatment", "treat|treatment|treated|cure|cured|therapy|get rid of|remove|removed|help|relieve|what can be done|what can i take|take for" },
  { "prevention", "prevent|prevention|avoid|stop|keep from|protect|eat|diet" },
  { "outlook", "go away|get better|get worse|serious|dangerous|outlook|prognosis|future|early|quality of life" },
  { "overview", "introduction|overview|basics|where do i start" },
};

static const BuiltinIntent intents_es[] = {
  { "definition", "qué es|qué son|qué significa|significado|definición|en qué consiste|explicación" },
  { "causes", "por qué|porque|causa|causan|motivo|razón|de dónde viene|a qué se debe|se debe|culpa|provoca|provocar|producir|tiene que ver" },
  { "symptoms", "síntoma|signo|señal|duele|qué se siente|se nota|cómo es|qué pasa" },
  { "diagnosis", "diagnóstico|diagnostica|diagnosticar|prueba|análisis|cómo saben|cómo se sabe|detectar|detecta|explorar|examinar" },
  { "treatment", "tratamiento|tratar|se trata|curar|cura|quitar|eliminar|operar|operación|cirugía|medicamento|aliviar|alivian|qué puedo tomar|sirve" },
  { "prevention", "prevenir|prevención|evitar|evito|impedir|proteger|comer|alimentación" },
  { "outlook", "se quita|desaparece|pronóstico|grave|peligroso|mejorar|empeorar|calidad de vida|a tiempo|pronto" },
  { "overview", "introducción|información general|lo básico|por dónde empiezo" },
};

static const BuiltinIntent intents_fr[] = {
  { "definition", "qu'est-ce que|c'est quoi|que veut dire|veut dire|signifie|définition|définir|expliquer" },
  { "causes", "pourquoi|cause|à cause de|raison|d'où|provoque|provoquer|dû à|lié|origine|vient" },
  { "symptoms", "symptôme|signe|fait mal|douloureux|ressent|ressemble|remarque" },
  { "diagnosis", "diagnostic|diagnostique|diagnostiquer|examen|analyse|comment savoir|savent|dépister|examiner" },
  { "treatment", "traitement|traiter|soigner|soin|guérir|guérit|opérer|opération|chirurgie|enlever|retirer|débarrasser|médicament|calmer|soulager|prendre contre" },
  { "prevention", "prévenir|prévention|éviter|empêcher|protéger|manger|alimentation" },
  { "outlook", "grave|dangereux|pronostic|disparaître|s'aggraver|tôt|qualité de vie|avenir" },
  { "overview", "introduction|présentation|l'essentiel|par où commencer" },
};

static const BuiltinIntent intents_de[] = {
  { "definition", "was ist|was sind|was bedeutet|bedeutet|Bedeutung|Definition|was heißt|erklären" },
  { "causes", "warum|wieso|weshalb|Ursache|Grund|woher|kommt das von|verursacht|verursachen|auslösen|löst aus|schuld|hängt zusammen" },
  { "symptoms", "Symptom|Anzeichen|tut weh|weh|fühlt sich an|merkt man|aussehen" },
  { "diagnosis", "Diagnose|festgestellt|feststellen|erkennen|erkennt|Untersuchung|untersucht|Test|woran" },
  { "treatment", "Behandlung|behandelt|behandeln|Therapie|heilen|heilbar|operiert|operieren|Operation|OP|entfernen|loswerden|los|Medikament|helfen|hilft|lindern|nehmen gegen" },
  { "prevention", "vorbeugen|verhindern|vermeiden|Vorbeugung|schützen|essen|Ernährung" },
  { "outlook", "gefährlich|schlimm|Prognose|Aussichten|weggehen|geht weg|früh|Lebensqualität|bringt" },
  { "overview", "Einführung|Überblick|Grundlagen|wo fange ich an" },
};

typedef struct
{
  guint   kind;
  guint   n_words;
  char  **words;    /* folded */
  char  **stems;    /* n_words folded stems, any NULL (too short); NULL without a stemmer */
} Cue;

struct _CgSearchIntents
{
  GObject          parent_instance;

  /* Owned */
  CgSearchStemmer *stemmer;     /* nullable */
  GPtrArray       *kinds;       /* of char*: a kind's bit is its position */
  GArray          *cues;        /* of Cue */
};

G_DEFINE_FINAL_TYPE (CgSearchIntents, cg_search_intents, G_TYPE_OBJECT)

static void
clear_cue (gpointer data)
{
  Cue *cue = data;

  g_clear_pointer (&cue->words, g_strfreev);
  for (guint i = 0; cue->stems != NULL && i < cue->n_words; i++)
    g_free (cue->stems[i]);
  g_clear_pointer (&cue->stems, g_free);
}

static void
cg_search_intents_finalize (GObject *object)
{
  CgSearchIntents *self = (CgSearchIntents *)object;

  g_clear_object (&self->stemmer);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->cues, g_array_unref);

  G_OBJECT_CLASS (cg_search_intents_parent_class)->finalize (object);
}

static void
cg_search_intents_class_init (CgSearchIntentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_intents_finalize;
}

static void
cg_search_intents_init (CgSearchIntents *self)
{
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  self->cues = g_array_new (FALSE, FALSE, sizeof (Cue));
  g_array_set_clear_func (self->cues, clear_cue);
}

static const BuiltinIntent *
lookup_builtin (const char *language,
                guint      *n_intents)
{
  static const struct {
    const char          *language;
    const BuiltinIntent *intents;
    guint                n_intents;
  } tables[] = {
    { "en", intents_en, G_N_ELEMENTS (intents_en) },
    { "es", intents_es, G_N_ELEMENTS (intents_es) },
    { "fr", intents_fr, G_N_ELEMENTS (intents_fr) },
    { "de", intents_de, G_N_ELEMENTS (intents_de) },
  };
  gsize length = language != NULL ? strcspn (language, "-_") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strlen (tables[i].language) == length && strncmp (language, tables[i].language, length) == 0)
      {
        *n_intents = tables[i].n_intents;
        return tables[i].intents;
      }

  *n_intents = 0;
  return NULL;
}

/**
 * cg_search_intents_new:
 * @language: (nullable): the content language, for the app's own table of it (none for a
 *   language the app has no table for)
 * @stemmer: (nullable): the stemmer of that language, to compare words by their stems
 *
 * Returns: (transfer full): the table of @language, ready for bundles' cues
 */
CgSearchIntents *
cg_search_intents_new (const char      *language,
                       CgSearchStemmer *stemmer)
{
  CgSearchIntents *self;
  const BuiltinIntent *builtin;
  guint n_builtin;

  g_return_val_if_fail (stemmer == NULL || CG_IS_SEARCH_STEMMER (stemmer), NULL);

  self = g_object_new (CG_TYPE_SEARCH_INTENTS, NULL);
  self->stemmer = stemmer != NULL ? g_object_ref (stemmer) : NULL;

  builtin = lookup_builtin (language, &n_builtin);
  for (guint i = 0; i < n_builtin; i++)
    {
      g_auto(GStrv) cues = g_strsplit (builtin[i].cues, "|", -1);

      for (guint j = 0; cues[j] != NULL; j++)
        cg_search_intents_add_cue (self, builtin[i].kind, cues[j]);
    }

  return self;
}

/* The kind's bit, registering the kind when @add */
static guint
find_kind (CgSearchIntents *self,
           const char      *kind,
           gboolean         add)
{
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_str_equal (g_ptr_array_index (self->kinds, i), kind))
      return i;

  if (!add)
    return CG_SEARCH_INTENT_NO_KIND;

  if (self->kinds->len == CG_SEARCH_INTENT_MAX_KINDS)
    {
      g_debug ("More than %u kinds of section: “%s” is ignored", CG_SEARCH_INTENT_MAX_KINDS, kind);
      return CG_SEARCH_INTENT_NO_KIND;
    }

  g_ptr_array_add (self->kinds, g_strdup (kind));

  return self->kinds->len - 1;
}

/**
 * cg_search_intents_add_cue:
 * @kind: the kind of section @cue asks for, such as "causes"
 * @cue: words of a question, as written ("what causes"), folded here
 *
 * Adds a cue to the table, from a bundle's <intents> or the app's own table. A cue without
 * words is ignored.
 */
void
cg_search_intents_add_cue (CgSearchIntents *self,
                           const char      *kind,
                           const char      *cue)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  g_autoptr(GString) folded = g_string_new (NULL);
  Cue entry = { 0 };

  g_return_if_fail (CG_IS_SEARCH_INTENTS (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (cue != NULL);

  cg_search_fold_words (cue, strlen (cue), folded, spans);
  if (spans->len == 0 || (entry.kind = find_kind (self, kind, TRUE)) == CG_SEARCH_INTENT_NO_KIND)
    return;

  entry.n_words = spans->len;
  entry.words = g_new0 (char *, spans->len + 1);
  if (self->stemmer != NULL)
    entry.stems = g_new0 (char *, spans->len);

  for (guint i = 0; i < spans->len; i++)
    {
      const CgSearchFoldWord *span = &g_array_index (spans, CgSearchFoldWord, i);

      entry.words[i] = g_strndup (folded->str + span->folded_start, span->folded_end - span->folded_start);
      if (self->stemmer != NULL)
        entry.stems[i] = cg_search_stemmer_stem (self->stemmer, cue + span->start, span->end - span->start);
    }

  g_array_append_val (self->cues, entry);
}

/**
 * cg_search_intents_lookup_kind:
 * @kind: a section's kind, such as "causes"
 *
 * Returns: the bit of @kind in cg_search_intents_match(), or %CG_SEARCH_INTENT_NO_KIND if no
 *   cue asks for it (then no query can)
 */
guint
cg_search_intents_lookup_kind (CgSearchIntents *self,
                               const char      *kind)
{
  g_return_val_if_fail (CG_IS_SEARCH_INTENTS (self), CG_SEARCH_INTENT_NO_KIND);
  g_return_val_if_fail (kind != NULL, CG_SEARCH_INTENT_NO_KIND);

  return find_kind (self, kind, FALSE);
}

/* Returns: (nullable): the kind with @bit, or %NULL if there is none */
const char *
cg_search_intents_get_kind (CgSearchIntents *self,
                            guint            bit)
{
  g_return_val_if_fail (CG_IS_SEARCH_INTENTS (self), NULL);

  return bit < self->kinds->len ? g_ptr_array_index (self->kinds, bit) : NULL;
}

static gboolean
same_word (const Cue          *cue,
           guint               i,
           const char * const *words,
           const char * const *stems,
           guint               w)
{
  if (g_str_equal (cue->words[i], words[w]))
    return TRUE;

  return cue->stems != NULL && cue->stems[i] != NULL && stems != NULL && stems[w] != NULL &&
         g_str_equal (cue->stems[i], stems[w]);
}

/* Whether @cue's words are in @words in order, each at most CG_SEARCH_INTENT_MAX_GAP words
 * after the one before; every start is tried, so "what is … what causes" finds both. */
static gboolean
match_cue (const Cue          *cue,
           const char * const *words,
           const char * const *stems,
           guint               n_words)
{
  for (guint start = 0; start + cue->n_words <= n_words; start++)
    {
      guint matched = 0;
      guint last = start;

      if (!same_word (cue, 0, words, stems, start))
        continue;

      for (matched = 1; matched < cue->n_words; matched++)
        {
          guint w;

          for (w = last + 1; w < n_words && w <= last + 1 + CG_SEARCH_INTENT_MAX_GAP; w++)
            if (same_word (cue, matched, words, stems, w))
              break;

          if (w >= n_words || w > last + 1 + CG_SEARCH_INTENT_MAX_GAP)
            break;
          last = w;
        }

      if (matched == cue->n_words)
        return TRUE;
    }

  return FALSE;
}

/**
 * cg_search_intents_match:
 * @words: (array length=n_words): a query's folded words, stop words included
 * @stems: (array length=n_words) (nullable): their folded stems, any of them %NULL
 *
 * Returns: the bits of the kinds the query asks for, 0 for none
 */
guint64
cg_search_intents_match (CgSearchIntents    *self,
                         const char * const *words,
                         const char * const *stems,
                         guint               n_words)
{
  guint64 kinds = 0;

  g_return_val_if_fail (CG_IS_SEARCH_INTENTS (self), 0);
  g_return_val_if_fail (words != NULL || n_words == 0, 0);

  for (guint i = 0; i < self->cues->len; i++)
    {
      const Cue *cue = &g_array_index (self->cues, Cue, i);

      if (!(kinds & (G_GUINT64_CONSTANT (1) << cue->kind)) && match_cue (cue, words, stems, n_words))
        kinds |= G_GUINT64_CONSTANT (1) << cue->kind;
    }

  return kinds;
}
