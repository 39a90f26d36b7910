/* cg-application.c
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-argument-check.h"

#include "cg-bench-trace.h"
#include "cg-bundle.h"
#include "cg-bundle-input.h"
#include "cg-command-line.h"
#include "cg-library.h"
#include "cg-sandbox.h"
#include "cg-search-provider.h"
#include "cg-terminal-text.h"

#include "cg-source-list.h"
#include "cg-window.h"

struct _CgApplication
{
  GtkApplication  parent_instance;

  /* Owned */
  CgLibrary      *library;  /* the built-in content, created with the first window */
  GDBusProxy     *settings_portal;
  GPtrArray      *installed_errors;  /* of GError: installed bundles that were refused */
  CgSearchProvider *search_provider; /* exported while registered on the session bus */

  gboolean        holds_loads;  /* the library's background loads, until the first window */
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, GTK_TYPE_APPLICATION)

/* A mistake in the options is one "calcinosis-guide: …" line and exit status 2, not GLib's
 * unprefixed message and 1 (cg-argument-check.c) */
static gboolean
cg_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autoptr(GError) error = NULL;

  cg_terminal_use_utf8 ();
  if (!cg_argument_check ((const char * const *)*arguments, &error))
    {
      *exit_status = cg_terminal_fail ("%s", error->message);
      return TRUE;
    }

  return G_APPLICATION_CLASS (cg_application_parent_class)->local_command_line (app, arguments,
                                                                                exit_status);
}

static int
cg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *bundle_path = NULL;
  GSettingsSchema *schema;
  int status;

  if ((status = cg_command_line_run (options)) >= 0)
    return status;

  /* Without its settings schema the window cannot start: say how to fix it, do not abort. */
  if (!(schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE)))
    {
      g_printerr (_("%s: the settings schema %s is not installed; install the app, or run it "
                    "from the build tree with “meson devenv -C build calcinosis-guide”\n"),
                  g_get_prgname (), APP_ID);
      return 1;
    }
  g_settings_schema_unref (schema);

  /* --bundle=FILE without an action opens that bundle in a window, in this instance or the
   * one already running. */
  if (g_variant_dict_lookup (options, "bundle", "^&ay", &bundle_path))
    {
      g_autoptr(GKeyFile) sandbox_info = cg_sandbox_load_info (CG_SANDBOX_INFO_PATH);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (bundle_path);
      g_autoptr(GError) error = NULL;

      /* Not standard input, and not a file the Flatpak sandbox cannot see: say so here */
      if (!cg_bundle_input_check_for_window (bundle_path, sandbox_info, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return CG_EXIT_BAD_INPUT;
        }

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      g_application_open (app, &file, 1, "");
      return 0;
    }

  return G_APPLICATION_CLASS (cg_application_parent_class)->handle_local_options (app, options);
}

/* Refused installed bundles are shown once, in the first window there is */
static void
report_installed_errors (CgApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!CG_IS_WINDOW (window) || self->installed_errors == NULL)
    return;

  for (guint i = 0; i < self->installed_errors->len; i++)
    cg_window_report_bundle_problem (CG_WINDOW (window),
                                     ((GError *)g_ptr_array_index (self->installed_errors, i))->message);
  g_ptr_array_set_size (self->installed_errors, 0);
}

static void
on_installed_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CgApplication) self = user_data;

  cg_library_load_installed_finish (CG_LIBRARY (object), result, self->installed_errors);
  report_installed_errors (self);
}

/* Returns: (transfer none): the built-in content library */
CgLibrary *
cg_application_get_library (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    {
      self->library = cg_library_new ();
      self->installed_errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
      /* Bundles IT deployed in $XDG_DATA_HOME and $XDG_DATA_DIRS, read in a worker: the first
       * window shows the built-in content at once and the clinic's when it is ready. Held until
       * a window holds the loads itself, until its first frame (see activate). */
      cg_library_hold_loads (self->library);
      self->holds_loads = TRUE;
      cg_library_load_installed_async (self->library, NULL, on_installed_loaded_cb, g_object_ref (self));
    }

  return self->library;
}

static void
cg_application_activate (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cg_window_new (GTK_APPLICATION (app), cg_application_get_library (self)));
      if (self->holds_loads)
        {
          self->holds_loads = FALSE;
          cg_library_release_loads (self->library);
        }

      cg_bench_trace_watch_window (window, app);
    }

  gtk_window_present (window);
  report_installed_errors (self);
}

/* Bundles opened from the command line or the file manager join the built-in content; a bad
 * one gets a message naming the file and line, and the rest stays readable. */
static void
cg_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (int i = 0; i < n_files && CG_IS_WINDOW (window); i++)
    cg_window_open_bundle (CG_WINDOW (window), files[i]);
}

/* GTK 4.8 alone does not follow the desktop's dark style; the settings portal tells it
 * (org.freedesktop.appearance color-scheme: 0 no preference, 1 dark, 2 light). */
static void
apply_color_scheme (GVariant *value)
{
  g_autoptr(GVariant) inner = NULL;

  /* Older portals wrap the value in one variant more */
  while (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *child = g_variant_get_variant (value);

      g_clear_pointer (&inner, g_variant_unref);
      inner = child;
      value = child;
    }

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    g_object_set (gtk_settings_get_default (),
                  "gtk-application-prefer-dark-theme", g_variant_get_uint32 (value) == 1,
                  NULL);
}

static void
on_settings_portal_signal_cb (GDBusProxy *proxy,
                              const char *sender_name,
                              const char *signal_name,
                              GVariant   *parameters,
                              gpointer    user_data)
{
  const char *namespace;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (g_strcmp0 (signal_name, "SettingChanged") != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    apply_color_scheme (value);
}

static void
on_color_scheme_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, NULL);
  g_autoptr(GVariant) value = NULL;

  /* No portal, or an old one without the key: keep GTK's default */
  if (reply == NULL)
    return;

  g_variant_get (reply, "(v)", &value);
  apply_color_scheme (value);
}

static void
on_settings_portal_ready_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(CgApplication) self = user_data;
  g_autoptr(GDBusProxy) proxy = g_dbus_proxy_new_for_bus_finish (result, NULL);

  if (proxy == NULL)
    return;

  g_signal_connect (proxy, "g-signal", G_CALLBACK (on_settings_portal_signal_cb), NULL);
  g_dbus_proxy_call (proxy, "Read",
                     g_variant_new ("(ss)", "org.freedesktop.appearance", "color-scheme"),
                     G_DBUS_CALL_FLAGS_NONE, 1000, NULL, on_color_scheme_read_cb, NULL);
  g_set_object (&self->settings_portal, proxy);
}

static void
cg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  /* Started by D-Bus for the Shell's search (--gapplication-service), the app stays a while
   * without a window: one search sends a call per key typed. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 30000);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* Asynchronous: the first frame does not wait for the portal. A desktop runs the portal
   * already; where none runs (tests, benchmarks, bare X sessions) starting one for a colour
   * preference would cost more than it gives. */
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                            NULL,
                            "org.freedesktop.portal.Desktop",
                            "/org/freedesktop/portal/desktop",
                            "org.freedesktop.portal.Settings",
                            NULL,
                            on_settings_portal_ready_cb,
                            g_object_ref (app));
}

static CgWindow *
get_cg_window (CgApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CG_IS_WINDOW (window) ? CG_WINDOW (window) : NULL;
}

/* The Shell searches in the language the window shows, or a new window would show */
static const char *
get_search_language (gpointer user_data)
{
  CgApplication *self = user_data;
  CgWindow *window = get_cg_window (self);

  return window != NULL ? cg_window_get_language (window)
                        : cg_library_get_default_language (cg_application_get_library (self));
}

static void
show_search (const char *query,
             const char *section_id,
             guint32     timestamp,
             gpointer    user_data)
{
  CgApplication *self = user_data;
  CgWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = get_cg_window (self)) == NULL)
    return;

  cg_window_show_search (window, query, section_id);
  gtk_window_present_with_time (GTK_WINDOW (window), timestamp);
}

/* The GNOME Shell search provider lives on the application's bus name. */
static gboolean
cg_application_dbus_register (GApplication     *app,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  CgApplication *self = CG_APPLICATION (app);
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (cg_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = cg_search_provider_new (app, cg_application_get_library (self),
                                                 get_search_language,
                                                 show_search, self);

  return cg_search_provider_export (self->search_provider, connection, provider_path, error);
}

static void
cg_application_dbus_unregister (GApplication    *app,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  CgApplication *self = CG_APPLICATION (app);

  if (self->search_provider != NULL)
    cg_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (cg_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
cg_application_dispose (GObject *object)
{
  CgApplication *self = (CgApplication *)object;

  if (self->holds_loads)
    {
      self->holds_loads = FALSE;
      cg_library_release_loads (self->library);
    }
  g_clear_object (&self->library);
  g_clear_object (&self->settings_portal);
  g_clear_object (&self->search_provider);
  g_clear_pointer (&self->installed_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_application_parent_class)->dispose (object);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cg_application_dispose;

  app_class->activate = cg_application_activate;
  app_class->open = cg_application_open;
  app_class->startup = cg_application_startup;
  app_class->local_command_line = cg_application_local_command_line;
  app_class->handle_local_options = cg_application_handle_local_options;
  app_class->dbus_register = cg_application_dbus_register;
  app_class->dbus_unregister = cg_application_dbus_unregister;
}

static void
cg_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Calcinosis Guide authors", NULL };
  CgApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *content = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *sources = NULL;
  CgBundle *bundle = NULL;
  GtkWidget *about;

  if (CG_IS_WINDOW (window))
    bundle = cg_library_get_bundle (cg_window_get_library (CG_WINDOW (window)),
                                    cg_window_get_language (CG_WINDOW (window)), NULL);

  if (bundle != NULL)
    {
      const char *status;

      switch (cg_bundle_get_translation_status (bundle))
        {
        case CG_TRANSLATION_COMPLETE:
          status = cg_bundle_get_reviewed (bundle)
                 ? _("translation reviewed by a medical translator")
                 : _("translation not reviewed by a medical translator");
          break;

        case CG_TRANSLATION_PARTIAL:
          status = _("partial translation: missing text is shown in English");
          break;

        case CG_TRANSLATION_SOURCE:
        default:
          status = _("original text");
          break;
        }

      /* Translators: content credit in the About dialog: source, version, language name, status */
      content = g_strdup_printf (_("Medical text: %s, content version %s, %s (%s)."),
                                 cg_bundle_get_source (bundle),
                                 cg_bundle_get_content_version (bundle),
                                 cg_language_get_name (cg_bundle_get_language (bundle)),
                                 status);
    }

  /* Every source of the library, with its version and review date */
  if (CG_IS_WINDOW (window))
    sources = cg_source_list_format (cg_window_get_library (CG_WINDOW (window)),
                                     cg_window_get_language (CG_WINDOW (window)));

  /* The provenance goes under the description, which wraps: a credit section would not, and
   * a long (translated) line would be cut off at the dialog's edge */
  comments = g_strdup_printf ("%s\n\n%s\n\n%s%s%s",
                              _("A desktop reference and patient handouts on calcinosis, "
                                "calcium deposits in soft tissues."),
                              content != NULL ? content : "",
                              /* Translators: heads the list of sources in the About dialog */
                              sources != NULL ? _("Sources:") : "",
                              sources != NULL ? "\n" : "",
                              sources != NULL ? sources : "");
  g_strchomp (comments);

  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "transient-for", window,
                        "modal", TRUE,
                        "program-name", _("Calcinosis Guide"),
                        "logo-icon-name", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", comments,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "authors", developers,
                        "translator-credits", _("translator-credits"),
                        "system-information", content,
                        "website", "https://github.com/calcinosisguide/guide",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Closing the windows, rather than quitting outright, lets each one save its size and section. */
static void
cg_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CgApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      /* Closing removes the window from the list: step first */
      l = l->next;
      gtk_window_close (window);
    }
}

/* A file the handout builder could not read (a handout set) goes into the one banner of the
 * guide's window, as bundle problems do; the builder is a window of its own and knows no other */
static void
cg_application_report_file_problem_action (GSimpleAction *action,
                                            GVariant      *parameter,
                                            gpointer       user_data)
{
  CgApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CG_IS_WINDOW (l->data))
      {
        cg_window_report_file_problem (l->data, g_variant_get_string (parameter, NULL));
        return;
      }
}

static const GActionEntry app_actions[] = {
  { "quit", cg_application_quit_action },
  { "about", cg_application_about_action },
  { "report-file-problem", cg_application_report_file_problem_action, "s" },
};

static void
cg_application_init (CgApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  g_application_add_main_option_entries (G_APPLICATION (self), cg_command_line_get_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A desktop reference and patient handouts on calcinosis."));
}

CgApplication *
cg_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (CG_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}
