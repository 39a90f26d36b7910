/* test-portal.c: opening, saving and printing through the desktop portals, as inside Flatpak
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside Flatpak the app reaches files and printers only through xdg-desktop-portal. This test
 * makes GTK take those code paths outside Flatpak (GDK_DEBUG=portals) and starts, on a D-Bus
 * session bus of its own: the real xdg-desktop-portal, and tests/tools/mock-portal-backend.py
 * as the desktop's backend (registered through $XDG_DESKTOP_PORTAL_DIR), which picks the
 * files and accepts the print dialog. Then it opens a bundle (FileChooser.OpenFile), saves a
 * handout PDF (FileChooser.SaveFile) and prints one (Print.PreparePrint and Print.Print), and
 * checks both what arrived and that each request went through the portal. Every process it
 * starts is stopped by its pid.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <string.h>

#include "cg-application.h"
#include "cg-handout-dialog.h"
#include "cg-library.h"
#include "cg-window.h"

#include "../cg-test-util.h"
#include "../cg-test-widgets.h"

#define BACKEND_NAME "org.freedesktop.impl.portal.desktop.cgtest"
#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define TIMEOUT_SECONDS 60  /* an upper bound on a loaded machine, never a pace */

static CgApplication *app;
static char *tmp_dir;
static char *log_path;
static char *open_path;
static char *save_path;
static char *print_path;

typedef gboolean (*Condition) (gconstpointer data);

static void
wait_until (Condition      condition,
            gconstpointer  data,
            const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  /* Wakes the loop to look at @condition again when nothing else would */
  guint tick = g_timeout_add (20, cg_test_tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
name_has_owner (gconstpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *)data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static gboolean
file_exists (gconstpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
is_socket (gconstpointer data)
{
  GStatBuf buf;

  return g_stat (data, &buf) == 0 && S_ISSOCK (buf.st_mode);
}

static char *
read_log (void)
{
  char *contents = NULL;

  if (!g_file_get_contents (log_path, &contents, NULL, NULL))
    return g_strdup ("");

  return contents;
}

static gboolean
is_laid_out (gconstpointer data)
{
  return cg_test_is_laid_out ((GtkWidget *)data);
}

static gboolean
has_handout_builder (gconstpointer data)
{
  return cg_test_find_toplevel (CG_TYPE_HANDOUT_DIALOG) != NULL;
}

static CgWindow *
create_window (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgWindow *window = cg_window_new (GTK_APPLICATION (app), library);

  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_laid_out, window, "the main window");

  return window;
}

/* The builder is a non-modal window of its own, which the main window keeps and raises */
static GtkWidget *
open_handout_dialog (CgWindow *window)
{
  GtkWidget *dialog;

  g_assert_null (cg_test_find_toplevel (CG_TYPE_HANDOUT_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL);
  wait_until (has_handout_builder, NULL, "the handout builder");
  dialog = GTK_WIDGET (cg_test_find_toplevel (CG_TYPE_HANDOUT_DIALOG));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (dialog)));
  wait_until (is_laid_out, dialog, "the handout builder");

  return dialog;
}

static gboolean
has_extra_bundle (gconstpointer data)
{
  return cg_library_get_n_extra_bundles (cg_window_get_library ((CgWindow *)data)) > 0;
}

static void
test_open_bundle (void)
{
  CgWindow *window = create_window ();
  CgLibrary *library = cg_window_get_library (window);
  g_autofree char *log = NULL;

  g_assert_cmpuint (cg_library_get_n_extra_bundles (library), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-bundle", NULL);
  wait_until (has_extra_bundle, window, "the bundle chosen in the portal's file chooser");

  g_assert_nonnull (cg_library_lookup_section (library, "en", "before-visit"));
  log = read_log ();
  g_assert_nonnull (strstr (log, "FileChooser.OpenFile Open Bundle\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs one of the handout builder's actions and returns the text of the PDF it led to at
 * @path, and the portal calls made meanwhile. */
static char *
run_handout_action (const char  *action,
                    const char  *path,
                    char       **log)
{
  CgWindow *window = create_window ();
  GtkWidget *dialog = open_handout_dialog (window);
  g_autofree char *what = g_strdup_printf ("%s to lead to %s", action, path);
  char *text;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (dialog, action, NULL);
  wait_until (file_exists, path, what);

  text = cg_test_pdf_to_text (path);
  *log = read_log ();

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));

  return text;
}

static void
test_save_handout (void)
{
  g_autofree char *log = NULL;
  g_autofree char *text = run_handout_action ("handout.save-pdf", save_path, &log);

  /* Saved where the portal's file chooser said */
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (log, "FileChooser.SaveFile Save Handout as PDF\n"));
}

static void
test_print_handout (void)
{
  g_autofree char *log = NULL;
  g_autofree char *text = run_handout_action ("handout.print", print_path, &log);

  /* The pages the builder prints, with their footer, handed to the print portal */
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, "Calcinosis"));
  g_assert_nonnull (strstr (log, "Print.PreparePrint "));
  g_assert_nonnull (strstr (log, "Print.Print "));
  g_assert_nonnull (strstr (log, " token=7\n"));
}

/* Should the test crash, what it started goes with it rather than lingering on */
static void
die_with_test (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
start_process (GSubprocessLauncher  *launcher,
               const char * const   *argv,
               const char           *bus_name)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  wait_until (name_has_owner, bus_name, bus_name);

  return process;
}

static void
stop_process (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSubprocess) bus = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) backend = NULL;
  g_autoptr(GSubprocess) portal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *portal_dir = NULL;
  g_autofree char *portal_file = NULL;
  g_autofree char *backend_script = NULL;
  g_autofree char *open_arg = NULL;
  g_autofree char *save_arg = NULL;
  g_autofree char *print_arg = NULL;
  g_autofree char *log_arg = NULL;
  g_autofree char *bus_socket = NULL;
  g_autofree char *bus_config = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *config_arg = NULL;
  g_autofree char *contents = NULL;
  int ret;

  tmp_dir = g_dir_make_tmp ("cg-test-portal-XXXXXX", &error);
  g_assert_no_error (error);
  log_path = g_build_filename (tmp_dir, "portal.log", NULL);
  save_path = g_build_filename (tmp_dir, "saved handout.pdf", NULL);
  print_path = g_build_filename (tmp_dir, "printed.pdf", NULL);
  /* The bus comes up before GTK starts (which may connect to it): no g_test_build_filename() yet */
  g_assert_nonnull (g_getenv ("G_TEST_SRCDIR"));
  open_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "clinic.xml", NULL);
  backend_script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "tools", "mock-portal-backend.py", NULL);

  /* The backend, registered for a desktop of its own name */
  portal_dir = g_build_filename (tmp_dir, "portals", NULL);
  g_assert_cmpint (g_mkdir (portal_dir, 0700), ==, 0);
  portal_file = g_build_filename (portal_dir, "cgtest.portal", NULL);
  g_file_set_contents (portal_file,
                       "[portal]\n"
                       "DBusName=" BACKEND_NAME "\n"
                       "Interfaces=org.freedesktop.impl.portal.FileChooser;"
                       "org.freedesktop.impl.portal.Print;org.freedesktop.impl.portal.AppChooser;\n"
                       "UseIn=cgtest\n", -1, &error);
  g_assert_no_error (error);

  /* A session bus of the test's own: no service is activated on it, nothing else answers */
  bus_socket = g_build_filename (tmp_dir, "bus", NULL);
  bus_config = g_build_filename (tmp_dir, "bus.conf", NULL);
  contents = g_strdup_printf ("<busconfig><type>session</type><listen>unix:path=%s</listen>"
                              "<auth>EXTERNAL</auth><policy context=\"default\">"
                              "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                              "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
                              "</busconfig>\n", bus_socket);
  g_file_set_contents (bus_config, contents, -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  config_arg = g_strconcat ("--config-file=", bus_config, NULL);
  bus = g_subprocess_launcher_spawnv (launcher,
                                      (const char *[]) { "dbus-daemon", "--nofork", "--nopidfile",
                                                         config_arg, NULL },
                                      &error);
  g_assert_no_error (error);
  wait_until (is_socket, bus_socket, "the session bus");
  bus_address = g_strconcat ("unix:path=", bus_socket, NULL);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);

  g_subprocess_launcher_setenv (launcher, "XDG_DESKTOP_PORTAL_DIR", portal_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CURRENT_DESKTOP", "cgtest", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");

  open_arg = g_strconcat ("--open=", open_path, NULL);
  save_arg = g_strconcat ("--save=", save_path, NULL);
  print_arg = g_strconcat ("--print-to=", print_path, NULL);
  log_arg = g_strconcat ("--log=", log_path, NULL);
  backend = start_process (launcher,
                           (const char *[]) { "/usr/bin/python3", backend_script, log_arg,
                                              open_arg, save_arg, print_arg, NULL },
                           BACKEND_NAME);
  portal = start_process (launcher,
                          (const char *[]) { "/usr/libexec/xdg-desktop-portal", NULL },
                          PORTAL_NAME);

  /* GTK's portal code paths, as inside Flatpak; no accessibility bus on this private bus */
  g_setenv ("GDK_DEBUG", "portals", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/portal/open-bundle", test_open_bundle);
  g_test_add_func ("/portal/save-handout", test_save_handout);
  g_test_add_func ("/portal/print-handout", test_print_handout);

  ret = g_test_run ();

  g_clear_object (&app);
  stop_process (portal);
  stop_process (backend);
  stop_process (bus);

  g_unlink (save_path);
  g_unlink (print_path);
  g_unlink (log_path);
  g_unlink (portal_file);
  g_unlink (bus_config);
  g_rmdir (portal_dir);
  g_rmdir (tmp_dir);

  return ret;
}
