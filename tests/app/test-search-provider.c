/* test-search-provider.c: the GNOME Shell search provider on a private session bus
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * First the way the Shell meets the app: D-Bus starts the built binary as a service (a service
 * file like the installed one, pointing at the build tree) to answer a search, and the command
 * line keeps working beside it. Then all five methods against an application in this process,
 * looking at the window that ActivateResult and LaunchSearch open.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cg-application.h"
#include "cg-content-view.h"
#include "cg-library.h"
#include "cg-search-index.h"
#include "cg-search-provider.h"
#include "cg-section.h"
#include "cg-sidebar.h"
#include "cg-window.h"

#include "cg-test-util.h"
#include "cg-test-widgets.h"

#define PROVIDER_PATH "/io/github/calcinosisguide/Guide/SearchProvider"
#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

static void
on_call_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GVariant **reply = user_data;
  g_autoptr(GError) error = NULL;

  *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  g_assert_no_error (error);
}

/* Calls @method and runs the main loop until it answers: the application answering may be in
 * this very process. */
static GVariant *
call (GDBusConnection *connection,
      const char      *object_path,
      const char      *interface,
      const char      *method,
      GVariant        *parameters,
      const char      *reply_type)
{
  GVariant *reply = NULL;

  g_dbus_connection_call (connection, APP_ID, object_path, interface, method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 60000, NULL,
                          on_call_done_cb, &reply);
  while (reply == NULL)
    g_main_context_iteration (NULL, TRUE);

  return reply;
}

static GVariant *
call_provider (GDBusConnection *connection,
               const char      *method,
               GVariant        *parameters,
               const char      *reply_type)
{
  return call (connection, PROVIDER_PATH, PROVIDER_INTERFACE, method, parameters, reply_type);
}

/* The ids of a result set, joined by commas */
static char *
dup_ids (GVariant *reply)
{
  g_autofree const char **ids = NULL;

  g_variant_get (reply, "(^a&s)", &ids);

  return g_strjoinv (",", (char **)ids);
}

/* The ids returned by GetInitialResultSet for @terms (comma-separated), joined by commas */
static char *
dup_initial_results (GDBusConnection *connection,
                     const char      *terms)
{
  g_auto(GStrv) strv = g_strsplit (terms, ",", -1);
  g_autoptr(GVariant) reply = call_provider (connection, "GetInitialResultSet",
                                             g_variant_new ("(^as)", strv), "(as)");

  return dup_ids (reply);
}

/* Asks the bus daemon @method about @name, synchronously: the daemon is another process */
static GVariant *
call_bus_about_name (GDBusConnection *connection,
                     const char      *method,
                     const char      *name,
                     const char      *reply_type)
{
  GVariant *reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                                 "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                                 method, g_variant_new ("(s)", name),
                                                 G_VARIANT_TYPE (reply_type),
                                                 G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);

  g_assert_nonnull (reply);
  return reply;
}

static gboolean
name_has_owner (GDBusConnection *connection,
                const char      *name)
{
  g_autoptr(GVariant) owned = call_bus_about_name (connection, "NameHasOwner", name, "(b)");
  gboolean has_owner = FALSE;

  g_variant_get (owned, "(b)", &has_owner);

  return has_owner;
}

static void
test_service_activation (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *ids = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 pid;

  /* Nothing owns the name yet: the call starts the binary through the service file */
  ids = dup_initial_results (connection, "nsaid");
  g_assert_cmpstr (ids, ==, "treatment");

  /* With the service running, the command line still answers by itself */
  g_assert_cmpint (cg_test_run_binary (&out, &err, "--search=nsaid", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "treatment\t"));
  g_assert_cmpstr (err, ==, "");

  /* Stop the service we started, by its pid, and wait for its name to go */
  reply = call_bus_about_name (connection, "GetConnectionUnixProcessID", APP_ID, "(u)");
  g_variant_get (reply, "(u)", &pid);
  g_assert_cmpint (kill ((pid_t)pid, SIGTERM), ==, 0);

  CG_TEST_WAIT_UNTIL (!name_has_owner (connection, APP_ID));
}

/* The first five results the window lists for @query, as from dup_ids() */
static char *
dup_window_results (const char *query)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) topics = cg_library_list_topics (library, "en", NULL);
  g_autoptr(CgSearchIndex) index = cg_search_index_new (topics);
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, 0);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_cmpuint (hits->len, >, CG_SEARCH_PROVIDER_MAX_RESULTS);
  for (guint i = 0; i < CG_SEARCH_PROVIDER_MAX_RESULTS; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                            cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, i))));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The ids of the first five results of @query: of the index, as the window ranks them, or with
 * @from_command_line, of `calcinosis-guide --search` */
static char *
dup_first_results (const char *query,
                   gboolean    from_command_line)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  if (from_command_line)
    {
      g_autofree char *search = g_strdup_printf ("--search=%s", query);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) lines = NULL;

      cg_test_run_binary (&out, &err, search, NULL);
      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; i < CG_SEARCH_PROVIDER_MAX_RESULTS && lines[i] != NULL && lines[i][0] != '\0'; i++)
        g_string_append_printf (ids, "%s%.*s", i > 0 ? "," : "", (int)strcspn (lines[i], "\t"), lines[i]);
    }
  else
    {
      g_autoptr(CgLibrary) library = cg_library_new ();
      g_autoptr(GPtrArray) topics = cg_library_list_topics (library, "en", NULL);
      g_autoptr(CgSearchIndex) index = cg_search_index_new (topics);
      g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, CG_SEARCH_PROVIDER_MAX_RESULTS);

      for (guint i = 0; i < hits->len; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                                cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, i))));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static CgWindow *
get_window (CgApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CG_IS_WINDOW (window));
  return CG_WINDOW (window);
}

static void
test_methods (void)
{
  g_autoptr(CgApplication) app = cg_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expected = NULL;
  const char *previous[] = { "causes", "treatment", "prevention", NULL };
  const char *kidney_disease[] = { "kidney", "disease", NULL };
  const char *nsaid[] = { "nsaid", NULL };
  const char *questions[] = { "why do I get lumps", "what is calcinosis", "will surgery help",
                              "how is it treated" };
  const char *value;
  CgWindow *window;
  GtkSearchEntry *entry;
  GtkSearchBar *bar;
  CgSidebar *sidebar;
  CgContentView *view;

  /* Registering exports the provider on the application's bus name */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  /* Under three characters: nothing, however many words ("ns" and "x r" would find sections) */
  ids = dup_initial_results (connection, "ns");
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);
  ids = dup_initial_results (connection, "x,r");
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);
  ids = dup_initial_results (connection, "x,ray");
  g_assert_cmpstr (ids, ==, "diagnosis");
  g_clear_pointer (&ids, g_free);

  /* The window's ranking, at most five results: "calcinosis" is in six sections */
  ids = dup_initial_results (connection, "calcinosis");
  expected = dup_window_results ("calcinosis");
  g_assert_cmpuint (strlen (expected), >, 0);
  g_assert_cmpstr (ids, ==, expected);
  g_clear_pointer (&ids, g_free);

  /* Questions in the patient's words, as the Shell passes them (one term a word): the same
   * ranking as the window's and the command line's */
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autofree char *terms = g_strdelimit (g_strdup (questions[i]), " ", ',');
      g_autofree char *window_ids = dup_first_results (questions[i], FALSE);
      g_autofree char *command_line_ids = dup_first_results (questions[i], TRUE);

      ids = dup_initial_results (connection, terms);
      g_test_message ("%s → %s", questions[i], ids);
      g_assert_cmpstr (ids, !=, "");
      g_assert_cmpstr (ids, ==, window_ids);
      g_assert_cmpstr (ids, ==, command_line_ids);
      g_clear_pointer (&ids, g_free);
    }

  /* Several terms are one query: sections with both words first, then with one */
  reply = call_provider (connection, "GetSubsearchResultSet",
                         g_variant_new ("(^as^as)", previous, kidney_disease), "(as)");
  ids = dup_ids (reply);
  g_assert_cmpstr (ids, ==, "causes,prevention,treatment,diagnosis");
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&reply, g_variant_unref);

  ids = dup_initial_results (connection, "nsaid");
  g_assert_cmpstr (ids, ==, "treatment");

  /* The metas of the last results: title and app name, snippet, icon */
  reply = call_provider (connection, "GetResultMetas",
                         g_variant_new ("(^as)", (const char *[]) { "treatment", "no-such-id", NULL }),
                         "(aa{sv})");
  metas = g_variant_get_child_value (reply, 0);
  /* An unknown id gets no meta: the Shell drops it */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
  meta = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (meta, "id", "&s", &value));
  g_assert_cmpstr (value, ==, "treatment");
  g_assert_true (g_variant_lookup (meta, "name", "&s", &value));
  g_assert_cmpstr (value, ==, "Treatment — Calcinosis Guide");
  g_assert_true (g_variant_lookup (meta, "description", "&s", &value));
  g_assert_nonnull (strstr (value, "(NSAIDs)"));
  g_assert_true (g_variant_lookup (meta, "gicon", "&s", &value));
  g_assert_cmpstr (value, ==, APP_ID);
  g_clear_pointer (&reply, g_variant_unref);

  /* Choosing a result opens the window at that section with the matches highlighted */
  reply = call_provider (connection, "ActivateResult",
                         g_variant_new ("(s^asu)", "treatment", nsaid, 0), "()");
  g_clear_pointer (&reply, g_variant_unref);
  /* The window opens after the reply */
  CG_TEST_WAIT_UNTIL (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL &&
                      cg_window_get_section (get_window (app)) != NULL &&
                      g_str_equal (cg_section_get_id (cg_window_get_section (get_window (app))), "treatment"));
  window = get_window (app);
  entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  bar = GTK_SEARCH_BAR (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  sidebar = CG_SIDEBAR (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR));
  view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "treatment");
  g_assert_cmpuint (cg_content_view_get_n_highlighted (view), ==, 1);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "nsaid");

  /* "Search in the app": the same window, showing the results of the search */
  reply = call_provider (connection, "LaunchSearch", g_variant_new ("(^asu)", kidney_disease, 0), "()");
  g_clear_pointer (&reply, g_variant_unref);
  CG_TEST_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), "kidney disease"));
  g_assert_true (get_window (app) == window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "kidney disease");
  g_assert_true (cg_sidebar_get_showing_results (sidebar));
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  /* Until the window is gone, before the application it belongs to */
  CG_TEST_WAIT_UNTIL (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
}

typedef struct
{
  GDBusConnection *connection;
  const char      *method;
  GVariant        *parameters;
  const char      *reply_type;
  GVariant        *reply;
  gint64           elapsed;
  gboolean         done;
} TimedCall;

/* Another client's view: its own connection in its own thread, while this thread's main loop
 * runs the application */
static gpointer
timed_call_thread (gpointer data)
{
  TimedCall *call = data;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  call->reply = g_dbus_connection_call_sync (call->connection, APP_ID, PROVIDER_PATH,
                                             PROVIDER_INTERFACE, call->method, call->parameters,
                                             G_VARIANT_TYPE (call->reply_type),
                                             G_DBUS_CALL_FLAGS_NONE, 60000, NULL, &error);
  call->elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_atomic_int_set (&call->done, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

/* Calls @method as another client would, and says how long the answer took (a figure for the
 * log, not a test of speed: the time limit is the test's) */
static GVariant *
call_timed (GDBusConnection *connection,
            const char      *method,
            GVariant        *parameters,
            const char      *reply_type,
            const char      *what)
{
  static GDBusConnection *client = NULL;
  TimedCall call = { NULL, method, g_variant_ref_sink (parameters), reply_type, NULL, 0, FALSE };
  GThread *thread;

  if (client == NULL)
    {
      g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);

      client = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
      g_assert_nonnull (client);
    }

  call.connection = client;
  thread = g_thread_new ("timed-call", timed_call_thread, &call);
  while (!g_atomic_int_get (&call.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_variant_unref (call.parameters);

  g_test_message ("%s with %s answered in %.1f ms", method, what, call.elapsed / 1000.0);

  return call.reply;
}

static void
on_frame_cb (GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
}

/* Any program on the session bus may call the provider: a word of a megabyte and 10,000
 * terms are answered at once, the window shows a bounded query, and it still answers an
 * action and paints within a second */
static void
test_hostile_arguments (void)
{
  g_autoptr(CgApplication) app = cg_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GPtrArray) many = g_ptr_array_new_null_terminated (10000, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *word = g_malloc (1024 * 1024 + 1);
  g_autofree char *ids = NULL;
  const char *one_word[] = { NULL, NULL };
  GtkSearchEntry *entry;
  CgContentView *view;
  CgSidebar *sidebar;
  g_autofree char *status = NULL;
  CgWindow *window;
  GdkFrameClock *clock;
  gint64 deadline;
  double zoom;
  guint n_frames = 0;
  gulong handler;

  /* One word, no spaces: Pango wraps it character by character. "é" is two bytes, so the
   * caps must cut between characters */
  for (gsize i = 0; i < 1024 * 1024; i += 2)
    memcpy (word + i, "\xc3\xa9", 2);
  word[1024 * 1024] = '\0';
  one_word[0] = word;
  for (guint i = 0; i < 10000; i++)
    g_ptr_array_add (many, i == 9999 ? word : (char *)"calcinosis");

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  reply = call_timed (connection, "GetInitialResultSet", g_variant_new ("(^as)", one_word),
                      "(as)", "a 1 MB word");
  ids = dup_ids (reply);
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&reply, g_variant_unref);

  /* Only the first terms count: the 10,000 are "calcinosis", which finds sections */
  reply = call_timed (connection, "GetInitialResultSet",
                      g_variant_new ("(^as)", (char **)many->pdata), "(as)", "10,000 terms");
  ids = dup_ids (reply);
  g_assert_cmpuint (strlen (ids), >, 0);
  g_clear_pointer (&reply, g_variant_unref);

  reply = call_timed (connection, "GetSubsearchResultSet",
                      g_variant_new ("(^as^as)", (char **)many->pdata, (char **)many->pdata),
                      "(as)", "10,000 previous results and terms");
  g_clear_pointer (&reply, g_variant_unref);

  reply = call_timed (connection, "GetResultMetas", g_variant_new ("(^as)", (char **)many->pdata),
                      "(aa{sv})", "10,000 identifiers");
  g_clear_pointer (&reply, g_variant_unref);

  reply = call_timed (connection, "ActivateResult",
                      g_variant_new ("(s^asu)", word, (char **)many->pdata, 0), "()",
                      "a 1 MB identifier and 10,000 terms");
  g_clear_pointer (&reply, g_variant_unref);

  reply = call_timed (connection, "LaunchSearch", g_variant_new ("(^asu)", one_word, 0), "()",
                      "a 1 MB word");
  g_clear_pointer (&reply, g_variant_unref);

  /* The window opens after the replies */
  CG_TEST_WAIT_UNTIL (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);
  window = get_window (app);
  entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  CG_TEST_WAIT_UNTIL (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (entry)), "\xc3\xa9"));
  sidebar = CG_SIDEBAR (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR));
  view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));

  /* The query shown is bounded: the term cut to 256 bytes, between two characters */
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (entry))), ==, 256);
  g_assert_true (g_utf8_validate (gtk_editable_get_text (GTK_EDITABLE (entry)), -1, NULL));
  status = cg_sidebar_dup_results_status (sidebar);
  g_assert_nonnull (status);
  g_assert_true (g_utf8_validate (status, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (status, -1), <, 300);

  /* Typed or pasted text is cut where it enters, too */
  {
    g_autofree char *pasted = g_strnfill (1000, 'x');

    gtk_editable_set_text (GTK_EDITABLE (entry), pasted);
    g_assert_cmpuint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1), ==, 256);
  }

  /* The window answers: an action takes effect and a frame is painted after it, within a
   * second (generous: it takes a few milliseconds) */
  CG_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  zoom = cg_content_view_get_zoom (view);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_cb), &n_frames);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while ((cg_content_view_get_zoom (view) == zoom || n_frames == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpfloat (cg_content_view_get_zoom (view), >, zoom);
  g_assert_cmpuint (n_frames, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
}

static void
run_hostile_in_subprocess (void)
{
  g_test_trap_subprocess ("/search-provider/hostile-arguments/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autofree char *service_dir = NULL;
  g_autofree char *service_file = NULL;
  g_autofree char *service = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* A private session bus that starts the built binary the way the installed service file
   * does; set up before anything connects to a bus */
  service_dir = g_dir_make_tmp ("cg-search-provider-XXXXXX", &error);
  g_assert_no_error (error);
  service_file = g_build_filename (service_dir, APP_ID ".service", NULL);
  service = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=%s --gapplication-service\n",
                             APP_ID, g_getenv ("CG_BINARY"));
  g_file_set_contents (service_file, service, -1, &error);
  g_assert_no_error (error);

  bus = cg_test_use_private_session_bus_with_services (service_dir);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-provider/service-activation", test_service_activation);
  g_test_add_func ("/search-provider/methods", test_methods);
  /* In its own process: the application of /methods keeps the name in this one */
  g_test_add_func ("/search-provider/hostile-arguments/subprocess", test_hostile_arguments);
  g_test_add_func ("/search-provider/hostile-arguments", run_hostile_in_subprocess);

  status = g_test_run ();

  /* GTK keeps its own reference to the session bus: stop the daemon without waiting for the
   * connection to go (g_test_dbus_down(), which finalizing @bus would call, waits for it) */
  g_test_dbus_stop (bus);
  g_unlink (service_file);
  g_rmdir (service_dir);

  return status;
}
