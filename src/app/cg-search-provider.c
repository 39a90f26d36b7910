/* cg-search-provider.c: results in the GNOME Shell overview (org.gnome.Shell.SearchProvider2)
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exported on the application's bus name when it registers, so the Shell can start the app
 * as a D-Bus service (share/dbus-1/services, --gapplication-service) just to search. Results
 * come from the same index and ranking as the window's search, in the language a new window
 * would show (or the one the open window shows); a result id is a section id.
 */

#define G_LOG_DOMAIN "cg-search-provider"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cg-library.h"
#include "cg-search-index.h"
#include "cg-search-provider.h"
#include "cg-section.h"
#include "cg-text-limits.h"

struct _CgSearchProvider
{
  GObject          parent_instance;

  /* Not owned: the application owns the provider */
  GApplication    *application;

  /* What the application decides: the language searched, and how a result is shown */
  CgSearchProviderLanguageFunc  language_func;
  CgSearchProviderShowFunc      show_func;
  gpointer                      func_data;

  /* Owned */
  CgLibrary       *library;
  GDBusConnection *connection;
  CgSearchIndex   *index;          /* built on the first search */
  char            *index_language;
  GHashTable      *last_hits;      /* section id → CgSearchHit of the last result set */

  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (CgSearchProvider, cg_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_library_changed_cb (CgSearchProvider *self,
                       CgLibrary        *library)
{
  /* A bundle was added: the next search indexes it too */
  g_clear_object (&self->index);
}

/* The index of the language the window shows, or a new window would show. */
static CgSearchIndex *
ensure_index (CgSearchProvider *self)
{
  CgLibrary *library = self->library;
  const char *language = self->language_func (self->func_data);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  if (self->index != NULL && g_strcmp0 (language, self->index_language) == 0)
    return self->index;

  g_clear_object (&self->index);
  g_free (self->index_language);
  self->index_language = g_strdup (language);

  if (!(topics = cg_library_list_topics (library, language, &error)))
    {
      /* The window shows this error; the overview just lists nothing */
      g_debug ("%s", error->message);
      return NULL;
    }

  self->index = cg_search_index_new (topics);
  g_signal_handlers_disconnect_by_func (library, on_library_changed_cb, self);
  g_signal_connect_object (library, "changed", G_CALLBACK (on_library_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self->index;
}

/* Bounded (cg-text-limits.c), so every method answers at once and the window never lays out
 * a megabyte */
static char *
join_terms (GVariant *terms)
{
  return cg_text_join_terms (terms);
}

/* Characters other than spaces: "x r" is two */
static guint
count_letters (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      n++;

  return n;
}

/* The section ids of the best hits of @terms, or none for a query too short to mean much. */
static GVariant *
get_result_set (CgSearchProvider *self,
                GVariant         *terms)
{
  g_autofree char *query = join_terms (terms);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  CgSearchIndex *index;

  g_hash_table_remove_all (self->last_hits);

  if (count_letters (query) >= CG_SEARCH_PROVIDER_MIN_QUERY_CHARS &&
      (index = ensure_index (self)) != NULL)
    hits = cg_search_index_query (index, query, CG_SEARCH_PROVIDER_MAX_RESULTS);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);
      const char *id = cg_section_get_id (cg_search_hit_get_section (hit));

      g_variant_builder_add (builder, "s", id);
      g_hash_table_insert (self->last_hits, g_strdup (id), g_object_ref (hit));
    }

  return g_variant_new ("(as)", builder);
}

static GVariant *
get_result_metas (CgSearchProvider *self,
                  GVariant         *identifiers)
{
  g_autoptr(GVariantBuilder) metas = g_variant_builder_new (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *icon_name = g_icon_to_string (icon);
  GVariantIter iter;
  const char *id;

  guint n = 0;

  /* Only ids of the last result set have metas: no more than it holds are looked up */
  g_variant_iter_init (&iter, identifiers);
  while (n++ < CG_SEARCH_PROVIDER_MAX_RESULTS && g_variant_iter_next (&iter, "&s", &id))
    {
      CgSearchHit *hit = g_hash_table_lookup (self->last_hits, id);
      GVariantDict meta;
      g_autofree char *name = NULL;

      /* An id from an older result set: the Shell drops a result without metas */
      if (hit == NULL)
        continue;

      /* Translators: a result in the GNOME Shell overview: a section title, then the app name */
      name = g_strdup_printf (_("%s — Calcinosis Guide"),
                              cg_section_get_title (cg_search_hit_get_section (hit)));

      g_variant_dict_init (&meta, NULL);
      g_variant_dict_insert (&meta, "id", "s", id);
      g_variant_dict_insert (&meta, "name", "s", name);
      g_variant_dict_insert (&meta, "description", "s", cg_search_hit_get_snippet (hit));
      g_variant_dict_insert (&meta, "gicon", "s", icon_name);
      g_variant_builder_add_value (metas, g_variant_dict_end (&meta));
    }

  return g_variant_new ("(aa{sv})", metas);
}

typedef struct
{
  CgSearchProvider *self;
  char             *query;
  char             *section_id;
  guint32           timestamp;
} ShowSearch;

static gboolean
show_search_idle_cb (gpointer user_data)
{
  ShowSearch *show = user_data;

  show->self->show_func (show->query, show->section_id, show->timestamp, show->self->func_data);
  g_application_release (show->self->application);
  g_object_unref (show->self);
  g_free (show->query);
  g_free (show->section_id);
  g_free (show);

  return G_SOURCE_REMOVE;
}

/* Opens the window (creating it if need be) with the search of @terms, and with @section_id,
 * that result opened. After the reply, from an idle callback: a caller waits for the answer,
 * not for a window to be built. */
static void
show_search (CgSearchProvider *self,
             GVariant         *terms,
             const char       *section_id,
             guint32           timestamp)
{
  ShowSearch *show = g_new0 (ShowSearch, 1);

  show->self = g_object_ref (self);
  show->query = join_terms (terms);
  show->section_id = g_strdup (section_id);
  show->timestamp = timestamp;
  g_application_hold (self->application);
  g_idle_add_full (G_PRIORITY_DEFAULT, show_search_idle_cb, show, NULL);
}

static void
on_method_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *object_path,
                   const char            *interface_name,
                   const char            *method_name,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  CgSearchProvider *self = user_data;
  GVariant *reply = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Each call restarts the inactivity timeout of a service started just to search */
  g_application_hold (self->application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      reply = get_result_set (self, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* Re-ranking from scratch costs microseconds and keeps the order the window shows */
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      reply = get_result_set (self, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) identifiers = g_variant_get_child_value (parameters, 0);

      reply = get_result_metas (self, identifiers);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_autoptr(GVariant) terms = NULL;
      const char *id;
      guint32 timestamp;

      g_variant_get (parameters, "(&s@asu)", &id, &terms, &timestamp);
      /* Our result ids are short section ids: a longer one is none of ours */
      show_search (self, terms, strnlen (id, CG_QUERY_MAX_CHARS + 1) <= CG_QUERY_MAX_CHARS ? id : NULL,
                   timestamp);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(@asu)", &terms, &timestamp);
      show_search (self, terms, NULL, timestamp);
    }

  g_dbus_method_invocation_return_value (invocation, reply);
  g_application_release (self->application);
  /* Any program on the bus may call: how long each answer took, for G_MESSAGES_DEBUG */
  g_debug ("%s answered in %.1f ms", method_name, (g_get_monotonic_time () - start) / 1000.0);
}

static const GDBusInterfaceVTable interface_vtable = {
  on_method_call_cb,
  NULL,
  NULL,
  { 0 }
};

/**
 * cg_search_provider_export:
 * @connection: the application's connection, as given to its dbus_register
 * @object_path: where the Shell looks for it (the ObjectPath of the .search-provider.ini)
 *
 * Returns: whether it could be exported
 */
gboolean
cg_search_provider_export (CgSearchProvider  *self,
                           GDBusConnection   *connection,
                           const char        *object_path,
                           GError           **error)
{
  g_autoptr(GDBusNodeInfo) node = NULL;

  g_return_val_if_fail (CG_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  if (!(node = g_dbus_node_info_new_for_xml (introspection_xml, error)))
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             node->interfaces[0],
                                                             &interface_vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  g_set_object (&self->connection, connection);

  return TRUE;
}

void
cg_search_provider_unexport (CgSearchProvider *self)
{
  g_return_if_fail (CG_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

static void
cg_search_provider_finalize (GObject *object)
{
  CgSearchProvider *self = (CgSearchProvider *)object;

  cg_search_provider_unexport (self);
  g_clear_object (&self->index);
  g_clear_object (&self->library);
  g_clear_pointer (&self->index_language, g_free);
  g_clear_pointer (&self->last_hits, g_hash_table_unref);

  G_OBJECT_CLASS (cg_search_provider_parent_class)->finalize (object);
}

static void
cg_search_provider_class_init (CgSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_provider_finalize;
}

static void
cg_search_provider_init (CgSearchProvider *self)
{
  self->last_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * cg_search_provider_new:
 * @application: held while a call is answered, and must outlive the provider
 * @library: the content searched
 * @language_func: the language to search in (the window's, or the one a new window shows)
 * @show_func: opens the window on a search, and on one of its results if a section id is given
 *
 * The provider is handed what it needs instead of reaching back into the application, so it
 * depends on nothing above the search layer.
 *
 * Returns: (transfer full): a new provider
 */
CgSearchProvider *
cg_search_provider_new (GApplication                 *application,
                        CgLibrary                    *library,
                        CgSearchProviderLanguageFunc  language_func,
                        CgSearchProviderShowFunc      show_func,
                        gpointer                      user_data)
{
  CgSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (language_func != NULL && show_func != NULL, NULL);

  self = g_object_new (CG_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  self->library = g_object_ref (library);
  self->language_func = language_func;
  self->show_func = show_func;
  self->func_data = user_data;

  return self;
}
