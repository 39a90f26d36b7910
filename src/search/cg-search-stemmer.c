/* cg-search-stemmer.c: Snowball stems through libstemmer, folded for the index
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-stemmer"

#include "config.h"

#include <string.h>

#include <libstemmer.h>

#include "cg-search-fold.h"
#include "cg-search-stemmer.h"

/* Longer words are left as they are: no word of any language needs more, and libstemmer's
 * work grows with the length */
#define MAX_WORD_BYTES 256

struct _CgSearchStemmer
{
  GObject            parent_instance;

  /* Owned */
  char              *language;
  struct sb_stemmer *stemmer;
  GMutex             lock;      /* the stemmer's state is one buffer, reused by each call */
};

G_DEFINE_FINAL_TYPE (CgSearchStemmer, cg_search_stemmer, G_TYPE_OBJECT)

static void
cg_search_stemmer_finalize (GObject *object)
{
  CgSearchStemmer *self = (CgSearchStemmer *)object;

  g_clear_pointer (&self->stemmer, sb_stemmer_delete);
  g_clear_pointer (&self->language, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cg_search_stemmer_parent_class)->finalize (object);
}

static void
cg_search_stemmer_class_init (CgSearchStemmerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_stemmer_finalize;
}

static void
cg_search_stemmer_init (CgSearchStemmer *self)
{
  g_mutex_init (&self->lock);
}

/**
 * cg_search_stemmer_new:
 * @language: a content language such as "es" or "pt-BR"
 *
 * libstemmer knows languages by their ISO 639 code ("en", "es", "fr", "de", "pt"…); a region
 * ("pt-BR") uses its language's stemmer.
 *
 * Returns: (transfer full) (nullable): the stemmer, or %NULL if libstemmer has none for
 *   @language: search then matches words as written and by prefix only
 */
CgSearchStemmer *
cg_search_stemmer_new (const char *language)
{
  g_autofree char *code = NULL;
  struct sb_stemmer *stemmer;
  CgSearchStemmer *self;

  g_return_val_if_fail (language != NULL, NULL);

  code = g_ascii_strdown (language, strcspn (language, "-_"));
  /* Only a code: libstemmer also takes names such as "porter", an older English algorithm */
  if (strlen (code) < 2 || strlen (code) > 3)
    return NULL;
  if (!(stemmer = sb_stemmer_new (code, NULL)))
    return NULL;

  self = g_object_new (CG_TYPE_SEARCH_STEMMER, NULL);
  self->language = g_steal_pointer (&code);
  self->stemmer = stemmer;

  return self;
}

/* Returns: the language code libstemmer was asked for, such as "pt" for "pt-BR" */
const char *
cg_search_stemmer_get_language (CgSearchStemmer *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_STEMMER (self), NULL);

  return self->language;
}

/* Stems @word into @stem if @word is ASCII letters and digits only; returns whether it was.
 * @buffer holds at least @n_bytes. No allocation: an index stems each word of a library. */
static gboolean
stem_ascii (CgSearchStemmer *self,
            const char      *word,
            gsize            n_bytes,
            char            *buffer,
            GString         *stem)
{
  const sb_symbol *result;
  gsize n_result;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < n_bytes; i++)
    {
      if (!g_ascii_isalnum (word[i]))
        return FALSE;
      buffer[i] = g_ascii_tolower (word[i]);
    }

  g_mutex_lock (&self->lock);
  result = sb_stemmer_stem (self->stemmer, (const sb_symbol *)buffer, n_bytes);
  n_result = result != NULL ? (gsize)sb_stemmer_length (self->stemmer) : n_bytes;
  if (result == NULL)
    result = (const sb_symbol *)buffer;   /* out of memory: keep the word */
  for (gsize i = 0; i < n_result && ascii; i++)
    ascii = result[i] < 0x80;
  if (ascii)
    g_string_append_len (stem, (const char *)result, n_result);
  g_mutex_unlock (&self->lock);

  /* A stem with letters the word did not have is folded the long way */
  return ascii;
}

/**
 * cg_search_stemmer_stem_to:
 * @word: one word, as written (accents help: Snowball's rules expect them)
 * @length: its length in bytes, or -1 if nul-terminated
 * @stem: where to put the stem, in place of what it holds
 *
 * Lower-cases @word, stems it, and folds the stem the way the index folds text.
 *
 * Returns: whether @word has a stem: %FALSE when it is shorter than CG_SEARCH_MIN_STEM_CHARS
 *   (the word itself when it is too long to stem)
 */
gboolean
cg_search_stemmer_stem_to (CgSearchStemmer *self,
                           const char      *word,
                           gssize           length,
                           GString         *stem)
{
  g_autofree char *lower = NULL;
  g_autofree char *folded = NULL;
  char ascii[MAX_WORD_BYTES];
  gsize n_bytes;

  g_return_val_if_fail (CG_IS_SEARCH_STEMMER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);
  g_return_val_if_fail (stem != NULL, FALSE);

  g_string_truncate (stem, 0);
  n_bytes = length < 0 ? strlen (word) : (gsize)length;

  /* Most words are plain ASCII: lowered in place, and their stems need no folding */
  if (n_bytes <= sizeof ascii && stem_ascii (self, word, n_bytes, ascii, stem))
    return stem->len >= CG_SEARCH_MIN_STEM_CHARS;

  g_string_truncate (stem, 0);
  lower = g_utf8_strdown (word, n_bytes);
  if (strlen (lower) > MAX_WORD_BYTES)
    {
      folded = cg_search_fold (lower, -1, NULL);
      g_string_append (stem, folded);
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  {
    const sb_symbol *result = sb_stemmer_stem (self->stemmer, (const sb_symbol *)lower, strlen (lower));

    /* NULL only when out of memory: keep the word */
    folded = result != NULL ? cg_search_fold ((const char *)result, sb_stemmer_length (self->stemmer), NULL)
                            : cg_search_fold (lower, -1, NULL);
  }
  g_mutex_unlock (&self->lock);

  g_string_append (stem, folded);

  return g_utf8_strlen (stem->str, -1) >= CG_SEARCH_MIN_STEM_CHARS;
}

/**
 * cg_search_stemmer_stem:
 * @word: one word, as written
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * cg_search_stemmer_stem_to(), for one word.
 *
 * Returns: (transfer full) (nullable): the folded stem, or %NULL when it is shorter than
 *   CG_SEARCH_MIN_STEM_CHARS
 */
char *
cg_search_stemmer_stem (CgSearchStemmer *self,
                        const char      *word,
                        gssize           length)
{
  g_autoptr(GString) stem = g_string_new (NULL);

  g_return_val_if_fail (CG_IS_SEARCH_STEMMER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (!cg_search_stemmer_stem_to (self, word, length, stem))
    return NULL;

  return g_string_free (g_steal_pointer (&stem), FALSE);
}
