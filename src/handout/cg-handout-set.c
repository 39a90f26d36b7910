/* cg-handout-set.c: a named handout a clinic gives again and again
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A set is the choice of sections, handout language, second language, large print and paper —
 * never a note, which is patient data. Sets are GKeyFile files so a clinic's IT can write and
 * deploy them by hand:
 *
 *   [Handout Set]
 *   Name=New diagnosis
 *   Name[es]=Nuevo diagnóstico
 *   Sections=overview;causes;treatment
 *   Language=es
 *   SecondLanguage=en
 *   LargePrint=false
 *   Paper=a4
 *
 * Only Name and Sections are required. Files are hand-written, so a problem is reported with
 * the file and line, the way bundle problems are.
 */

#define G_LOG_DOMAIN "cg-handout-set"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-content-dirs.h"
#include "cg-file-reader.h"
#include "cg-handout-layout.h"
#include "cg-handout-set.h"
#include "cg-handout-set-parser.h"
#include "cg-library.h"

#define GROUP "Handout Set"

struct _CgHandoutSet
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  GStrv     sections;
  char     *language;         /* NULL: the interface language */
  char     *second_language;  /* NULL: none */
  char     *paper;            /* NULL: the locale's default */
  GFile    *file;             /* NULL until saved */
  gboolean  large_print;
  gboolean  read_only;
};

G_DEFINE_FINAL_TYPE (CgHandoutSet, cg_handout_set, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-handout-set-error-quark, cg_handout_set_error)

static void
cg_handout_set_finalize (GObject *object)
{
  CgHandoutSet *self = (CgHandoutSet *)object;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->sections);
  g_free (self->language);
  g_free (self->second_language);
  g_free (self->paper);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cg_handout_set_parent_class)->finalize (object);
}

static void
cg_handout_set_class_init (CgHandoutSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_handout_set_finalize;
}

static void
cg_handout_set_init (CgHandoutSet *self)
{
  self->sections = g_new0 (char *, 1);
}

static GFile *
get_user_dir (void)
{
  return g_file_new_build_filename (g_get_user_config_dir (), CG_HANDOUT_SETS_SUBDIR, NULL);
}

/* A file name from @name ("Before surgery" → "before-surgery"), not yet taken in the user's
 * folder, so saving a new set never replaces another. */
static char *
make_id (const char *name)
{
  g_autoptr(GFile) dir = get_user_dir ();
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; *p != '\0' && base->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "handout");

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%u", base->str, n);
      g_autofree char *basename = g_strconcat (id, CG_HANDOUT_SET_SUFFIX, NULL);
      g_autoptr(GFile) file = g_file_get_child (dir, basename);

      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&id);
    }
}

/**
 * cg_handout_set_new:
 * @name: what the clinician calls it
 *
 * A new user set, with no sections yet; cg_handout_set_save() writes it.
 */
CgHandoutSet *
cg_handout_set_new (const char *name)
{
  CgHandoutSet *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (CG_TYPE_HANDOUT_SET, NULL);
  self->name = g_strdup (name);
  self->id = make_id (name);

  return self;
}

static CgFileReader *
get_reader (void)
{
  static CgFileReader *reader = NULL;

  if (g_once_init_enter (&reader))
    g_once_init_leave (&reader, cg_file_reader_new (CG_HANDOUT_SET_MAX_SIZE,
                                                    _("a handout set is a text file")));

  return reader;
}

/**
 * cg_handout_set_new_from_file:
 * @file: an ID.handout-set file
 * @read_only: whether it is a clinic's set, which the app shows but never changes
 *
 * Reads @file as every untrusted file is read (cg-file-reader.c: a regular file of at most
 * %CG_HANDOUT_SET_MAX_SIZE, never blocking) and checks it (cg-handout-set-parser.c).
 *
 * Returns: (transfer full): the set, or %NULL with a %CG_HANDOUT_SET_ERROR_INVALID error of
 *   the form "FILE:LINE: message", or a #CG_FILE_READER_ERROR naming the file
 */
CgHandoutSet *
cg_handout_set_new_from_file (GFile     *file,
                              gboolean   read_only,
                              GError   **error)
{
  g_autoptr(CgHandoutSet) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = cg_file_reader_read (get_reader (), file, error)))
    return NULL;

  self = g_object_new (CG_TYPE_HANDOUT_SET, NULL);
  display_name = g_file_get_parse_name (file);
  if (!cg_handout_set_parse (self, bytes, display_name, error))
    return NULL;

  basename = g_file_get_basename (file);
  self->id = g_strndup (basename, strlen (basename) - MIN (strlen (basename),
                                                           strlen (CG_HANDOUT_SET_SUFFIX)));
  self->file = g_object_ref (file);
  self->read_only = read_only;

  return g_steal_pointer (&self);
}

const char *
cg_handout_set_get_id (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return self->id;
}

const char *
cg_handout_set_get_name (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return self->name;
}

void
cg_handout_set_set_name (CgHandoutSet *self,
                         const char   *name)
{
  g_return_if_fail (CG_IS_HANDOUT_SET (self));
  g_return_if_fail (name != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
}

gboolean
cg_handout_set_is_read_only (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), TRUE);

  return self->read_only;
}

/**
 * cg_handout_set_get_file:
 *
 * Returns: (transfer none) (nullable): the file the set was read from or saved to
 */
GFile *
cg_handout_set_get_file (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return self->file;
}

const char * const *
cg_handout_set_get_sections (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return (const char * const *)self->sections;
}

void
cg_handout_set_set_sections (CgHandoutSet       *self,
                             const char * const *section_ids)
{
  g_return_if_fail (CG_IS_HANDOUT_SET (self));

  g_strfreev (self->sections);
  self->sections = section_ids != NULL ? g_strdupv ((char **)section_ids) : g_new0 (char *, 1);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

const char *
cg_handout_set_get_language (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return self->language;
}

void
cg_handout_set_set_language (CgHandoutSet *self,
                             const char   *language)
{
  g_return_if_fail (CG_IS_HANDOUT_SET (self));

  set_string (&self->language, language);
}

const char *
cg_handout_set_get_second_language (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return self->second_language;
}

void
cg_handout_set_set_second_language (CgHandoutSet *self,
                                    const char   *language)
{
  g_return_if_fail (CG_IS_HANDOUT_SET (self));

  set_string (&self->second_language, language);
}

gboolean
cg_handout_set_get_large_print (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), FALSE);

  return self->large_print;
}

void
cg_handout_set_set_large_print (CgHandoutSet *self,
                                gboolean      large_print)
{
  g_return_if_fail (CG_IS_HANDOUT_SET (self));

  self->large_print = !!large_print;
}

/**
 * cg_handout_set_get_paper:
 *
 * Returns: (nullable): "a4", "letter", or %NULL for the locale's default
 */
const char *
cg_handout_set_get_paper (CgHandoutSet *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);

  return self->paper;
}

void
cg_handout_set_set_paper (CgHandoutSet *self,
                          const char   *paper)
{
  g_return_if_fail (CG_IS_HANDOUT_SET (self));

  set_string (&self->paper, paper);
}

/**
 * cg_handout_set_dup_missing:
 * @library: the library the set would be printed from
 *
 * What the set names that @library cannot give, so a set is never applied half-silently:
 * a handout language or second language the library lacks, and sections that do not exist
 * in the handout language.
 *
 * Returns: (transfer full) (nullable): a sentence saying what is missing, or %NULL
 */
char *
cg_handout_set_dup_missing (CgHandoutSet *self,
                            CgLibrary    *library)
{
  g_autoptr(GString) missing_sections = g_string_new (NULL);
  const char *language;

  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  if (self->language != NULL && !cg_library_has_language (library, self->language))
    /* Translators: %s is a language code such as “pt” */
    return g_strdup_printf (_("Language “%s” is not available"), self->language);

  if (self->second_language != NULL && !cg_library_has_language (library, self->second_language))
    /* Translators: %s is a language code such as “pt” */
    return g_strdup_printf (_("Second language “%s” is not available"), self->second_language);

  language = self->language != NULL ? self->language : cg_library_get_default_language (library);

  for (guint i = 0; self->sections[i] != NULL; i++)
    if (cg_library_lookup_section (library, language, self->sections[i]) == NULL)
      g_string_append_printf (missing_sections, "%s“%s”",
                              missing_sections->len > 0 ? ", " : "", self->sections[i]);

  if (missing_sections->len > 0)
    /* Translators: %s lists section ids, e.g. “wound-care”, “diet” */
    return g_strdup_printf (_("Missing sections: %s"), missing_sections->str);

  return NULL;
}

/**
 * cg_handout_set_check:
 *
 * Returns: %TRUE if @library has everything the set names; otherwise a
 *   %CG_HANDOUT_SET_ERROR_MISSING error naming the set and what is missing
 */
gboolean
cg_handout_set_check (CgHandoutSet  *self,
                      CgLibrary     *library,
                      GError       **error)
{
  g_autofree char *missing = cg_handout_set_dup_missing (self, library);

  if (missing == NULL)
    return TRUE;

  /* Translators: the first %s is a handout set's id, the second says what is missing */
  g_set_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_MISSING,
               _("Handout set “%s”: %s"), self->id, missing);

  return FALSE;
}

static gboolean
refuse_read_only (CgHandoutSet  *self,
                  GError       **error)
{
  if (!self->read_only)
    return FALSE;

  g_set_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_READ_ONLY,
               _("“%s” is your clinic’s handout set and cannot be changed here"), self->name);

  return TRUE;
}

/**
 * cg_handout_set_save:
 *
 * Writes the set to the user's folder, replacing the file atomically. A clinic's set is
 * refused with %CG_HANDOUT_SET_ERROR_READ_ONLY.
 */
gboolean
cg_handout_set_save (CgHandoutSet  *self,
                     GError       **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GFile) dir = get_user_dir ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), FALSE);

  if (refuse_read_only (self, error))
    return FALSE;

  /* Keep translated names a clinic's IT wrote into a user copy, replacing only the name the
   * clinician sees */
  if (self->file != NULL)
    {
      /* Through the reader: the file may have been replaced by a pipe since it was read */
      g_autoptr(GBytes) old = cg_file_reader_read (get_reader (), self->file, NULL);

      if (old != NULL)
        (void)g_key_file_load_from_data (key_file, g_bytes_get_data (old, NULL),
                                         g_bytes_get_size (old),
                                         G_KEY_FILE_KEEP_TRANSLATIONS | G_KEY_FILE_KEEP_COMMENTS,
                                         NULL);
    }

  g_key_file_set_string (key_file, GROUP, "Name", self->name);
  g_key_file_set_string_list (key_file, GROUP, "Sections",
                              (const char * const *)self->sections,
                              g_strv_length (self->sections));
  g_key_file_set_boolean (key_file, GROUP, "LargePrint", self->large_print);
#define SET_OR_REMOVE(key, value) \
  if ((value) != NULL) \
    g_key_file_set_string (key_file, GROUP, key, value); \
  else \
    (void)g_key_file_remove_key (key_file, GROUP, key, NULL)
  SET_OR_REMOVE ("Language", self->language);
  SET_OR_REMOVE ("SecondLanguage", self->second_language);
  SET_OR_REMOVE ("Paper", self->paper);
#undef SET_OR_REMOVE

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A new set takes its id when first written, so two new sets of one name never share a
   * file; a saved set keeps its file (and id) when renamed */
  if (self->file == NULL)
    {
      g_free (self->id);
      self->id = make_id (self->name);
    }

  basename = g_strconcat (self->id, CG_HANDOUT_SET_SUFFIX, NULL);
  g_clear_object (&self->file);
  self->file = g_file_get_child (dir, basename);
  data = g_key_file_to_data (key_file, &length, NULL);

  return g_file_set_contents (g_file_peek_path (self->file), data, length, error);
}

/**
 * cg_handout_set_delete:
 *
 * Removes the set's file. A clinic's set is refused with %CG_HANDOUT_SET_ERROR_READ_ONLY.
 */
gboolean
cg_handout_set_delete (CgHandoutSet  *self,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_SET (self), FALSE);

  if (refuse_read_only (self, error))
    return FALSE;

  if (self->file != NULL && !g_file_delete (self->file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_object (&self->file);

  return TRUE;
}

/**
 * cg_handout_set_dup_dirs:
 * @extensions_dir: (nullable): where content extensions are mounted (CONTENT_EXTENSIONS_DIR),
 *   or %NULL for none
 *
 * Returns: (transfer full) (element-type filename): where sets are looked for, in order: the
 *   user's $XDG_CONFIG_HOME/calcinosis-guide/handout-sets (read-write), then the same under
 *   each $XDG_DATA_DIRS and each Flatpak content extension (the clinic's, read-only; see
 *   cg-content-dirs.c)
 */
GPtrArray *
cg_handout_set_dup_dirs (const char *extensions_dir)
{
  g_autoptr(GPtrArray) data_dirs = cg_content_dirs_dup_data_dirs (extensions_dir);
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);

  /* The user's own sets are settings, kept in the config folder rather than $XDG_DATA_HOME
   * (the first data directory) */
  g_ptr_array_add (dirs, g_build_filename (g_get_user_config_dir (), CG_HANDOUT_SETS_SUBDIR, NULL));
  for (guint i = 1; i < data_dirs->len; i++)
    g_ptr_array_add (dirs, g_build_filename (g_ptr_array_index (data_dirs, i),
                                             CG_HANDOUT_SETS_SUBDIR, NULL));

  return dirs;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  CgHandoutSet *set_a = *(CgHandoutSet * const *)a;
  CgHandoutSet *set_b = *(CgHandoutSet * const *)b;

  return g_utf8_collate (set_a->name, set_b->name);
}

static void
load_dir (GFile      *dir,
          gboolean    read_only,
          GPtrArray  *sets,
          GHashTable *seen_ids,
          GPtrArray  *errors)
{
  g_autoptr(GPtrArray) names = cg_content_dirs_list_files (dir, CG_HANDOUT_SET_SUFFIX, errors);

  /* A folder anyone can fill is read only so far: the drop-down and the listing stay usable */
  if (names->len > CG_HANDOUT_SETS_MAX_PER_DIR)
    {
      g_autofree char *dir_name = g_file_get_parse_name (dir);

      if (errors != NULL)
        g_ptr_array_add (errors, g_error_new (CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_INVALID,
                                              /* Translators: %s is a folder, %u a number */
                                              _("%s: More than %u handout sets; only the first "
                                                "%u are read"), dir_name,
                                              CG_HANDOUT_SETS_MAX_PER_DIR,
                                              CG_HANDOUT_SETS_MAX_PER_DIR));
      g_ptr_array_set_size (names, CG_HANDOUT_SETS_MAX_PER_DIR);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autoptr(CgHandoutSet) set = NULL;
      g_autoptr(GError) set_error = NULL;
      g_autofree char *id = g_strndup (name, strlen (name) - strlen (CG_HANDOUT_SET_SUFFIX));

      /* The first folder wins: a user's set hides a clinic's set of the same id */
      if (g_hash_table_contains (seen_ids, id))
        continue;

      if (!(set = cg_handout_set_new_from_file (file, read_only, &set_error)))
        {
          if (errors != NULL)
            g_ptr_array_add (errors, g_steal_pointer (&set_error));
          continue;
        }

      g_hash_table_add (seen_ids, g_steal_pointer (&id));
      g_ptr_array_add (sets, g_steal_pointer (&set));
    }
}

/**
 * cg_handout_set_load_all:
 * @errors: (nullable) (element-type GError): where to add an error for each file skipped
 *
 * Returns: (transfer full) (element-type CgHandoutSet): every readable set of
 *   cg_handout_set_dup_dirs(), sorted by name
 */
GPtrArray *
cg_handout_set_load_all (GPtrArray *errors)
{
  g_autoptr(GPtrArray) dirs = cg_handout_set_dup_dirs (CONTENT_EXTENSIONS_DIR);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *sets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (g_ptr_array_index (dirs, i));

      load_dir (dir, i > 0, sets, seen_ids, errors);
    }

  g_ptr_array_sort (sets, compare_by_name);

  return sets;
}

typedef struct
{
  GPtrArray *sets;
  GPtrArray *errors;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->sets, g_ptr_array_unref);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_free (result);
}

static void
load_all_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  result->sets = cg_handout_set_load_all (result->errors);
  g_task_return_pointer (task, result, (GDestroyNotify)load_result_free);
}

/**
 * cg_handout_set_load_all_async:
 *
 * cg_handout_set_load_all() in a worker thread: the folders may be on a slow or stalled
 * network file system, and the window must not wait for them.
 */
void
cg_handout_set_load_all_async (GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cg_handout_set_load_all_async);
  g_task_run_in_thread (task, load_all_in_thread);
}

/**
 * cg_handout_set_load_all_finish:
 * @errors: (nullable) (element-type GError): where to add an error for each file skipped
 *
 * Returns: (transfer full) (element-type CgHandoutSet): as cg_handout_set_load_all(), or
 *   %NULL with @error set if cancelled
 */
GPtrArray *
cg_handout_set_load_all_finish (GAsyncResult  *result,
                                GPtrArray     *errors,
                                GError       **error)
{
  LoadResult *loaded;
  GPtrArray *sets;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!(loaded = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  for (guint i = 0; errors != NULL && i < loaded->errors->len; i++)
    g_ptr_array_add (errors, g_error_copy (g_ptr_array_index (loaded->errors, i)));
  sets = g_steal_pointer (&loaded->sets);
  load_result_free (loaded);

  return sets;
}

/**
 * cg_handout_set_find:
 * @sets: (element-type CgHandoutSet): sets from cg_handout_set_load_all()
 *
 * Returns: (transfer none) (nullable): the set with @id
 */
CgHandoutSet *
cg_handout_set_find (GPtrArray  *sets,
                     const char *id)
{
  for (guint i = 0; i < sets->len; i++)
    {
      CgHandoutSet *set = g_ptr_array_index (sets, i);

      if (g_str_equal (set->id, id))
        return set;
    }

  return NULL;
}
