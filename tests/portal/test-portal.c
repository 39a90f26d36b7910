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
 * checks both what arrived and that each request went through the portal.
 *
 * Open and Show in Files after saving go through the OpenURI portal as inside Flatpak: the
 * app's data directories hold no applications (as the sandbox's), so GLib, allowed to use
 * portals (GTK_USE_PORTAL=1; GIO_USE_PORTALS=1 since GLib 2.76), hands the file's descriptor
 * to OpenURI.OpenFile. The portal asks the backend's app chooser for a PDF
 * (AppChooser.ChooseApplication) and launches the desktop file chosen; a folder goes to the
 * default file manager. Those applications exist only in the portal's own data directory:
 * stand-in scripts that write down their ID and the file they were given. Every process the
 * test starts is stopped by its pid (the stand-in applications end by themselves).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <signal.h>
#include <stdlib.h>
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
#define PERMISSION_STORE_NAME "org.freedesktop.impl.portal.PermissionStore"
#define TIMEOUT_SECONDS 60  /* an upper bound on a loaded machine, never a pace */

static CgApplication *app;
static char *tmp_dir;
static char *log_path;
static char *open_path;
static char *save_path;
static char *print_path;
static char *real_tmp_dir;    /* tmp_dir with symbolic links resolved, as the portal sees it */
static char *opened_path;     /* where a stand-in application writes what it was asked to open */

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

static gboolean
is_mapped (gconstpointer data)
{
  return gtk_widget_get_mapped ((GtkWidget *)data);
}

static GtkLabel *
find_launch_error (GtkWidget *dialog)
{
  return cg_test_find_label (dialog, "Could not open");
}

/* An application was launched, or the builder says none could be */
static gboolean
has_opened_or_failed (gconstpointer data)
{
  return file_exists (opened_path) || find_launch_error ((GtkWidget *)data) != NULL;
}

/* Saves a handout through the portal, then presses the button with @action in the banner
 * that says it was saved. Returns the line the desktop's application wrote: its ID and the
 * file it was asked to open. */
static char *
press_saved_banner_button (const char  *action,
                           char       **log)
{
  CgWindow *window = create_window ();
  GtkWidget *dialog = open_handout_dialog (window);
  g_autofree char *what = g_strdup_printf ("an application launched by %s", action);
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  GtkLabel *launch_error;
  char *opened = NULL;

  g_unlink (save_path);  /* what the save test left */
  g_assert_false (g_file_test (opened_path, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (dialog, "handout.save-pdf", NULL);
  wait_until (file_exists, save_path, "the handout saved through the portal");

  button = cg_test_find_widget_if (dialog, cg_test_is_button_for_action, action);
  g_assert_nonnull (button);
  wait_until (is_mapped, button, "the banner saying the handout was saved");
  g_assert_true (gtk_widget_activate (button));
  wait_until (has_opened_or_failed, dialog, what);
  launch_error = find_launch_error (dialog);
  if (launch_error != NULL)
    g_error ("%s: %s", action, gtk_label_get_text (launch_error));

  g_file_get_contents (opened_path, &opened, NULL, &error);
  g_assert_no_error (error);
  g_unlink (opened_path);
  *log = read_log ();

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));

  return opened;
}

/* Presses the Saved banner's button with @action and checks that the portal had exactly
 * @path (a file of @content_type) opened by the stand-in application @app_id, asking the
 * app chooser first or not as @chooser_asked says. The app itself knows no application for
 * @content_type, as in the sandbox. */
static void
check_opened_through_portal (const char *action,
                             const char *content_type,
                             const char *path,
                             const char *app_id,
                             gboolean    chooser_asked)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *opened_line = g_strdup_printf ("%s %s\n", app_id, path);
  g_autofree char *chooser_line = g_strconcat ("AppChooser.ChooseApplication ", uri, "\n", NULL);
  g_autoptr(GAppInfo) own_handler = g_app_info_get_default_for_type (content_type, FALSE);
  g_autofree char *log = NULL;
  g_autofree char *opened = NULL;

  g_assert_null (own_handler);
  opened = press_saved_banner_button (action, &log);

  g_assert_cmpstr (opened, ==, opened_line);
  g_assert_cmpint (strstr (log, chooser_line) != NULL, ==, chooser_asked);
}

/* Open: exactly the saved file, handed by the portal to the PDF viewer its app chooser picked */
static void
test_open_saved_handout (void)
{
  g_autofree char *real_save_path = g_build_filename (real_tmp_dir, "saved handout.pdf", NULL);

  check_opened_through_portal ("notice.open", "application/pdf", real_save_path,
                               "cgtest-viewer", TRUE);
}

/* Show in Files: inside Flatpak the app cannot reach org.freedesktop.FileManager1 (nor here,
 * on a bus without one), so it opens the folder through the portal, which hands a folder to
 * the desktop's default file manager without asking */
static void
test_show_saved_handout (void)
{
  check_opened_through_portal ("notice.show-in-files", "inode/directory", real_tmp_dir,
                               "cgtest-files", FALSE);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
write_application (const char *applications_dir,
                   const char *id,
                   const char *mime_type,
                   const char *script)
{
  g_autofree char *file_name = g_strconcat (id, ".desktop", NULL);
  g_autofree char *path = g_build_filename (applications_dir, file_name, NULL);
  g_autofree char *contents = NULL;

  g_assert_null (strpbrk (script, "\"`$\\"));
  g_assert_null (strpbrk (opened_path, "\"`$\\"));
  contents = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=%s\nNoDisplay=true\n"
                              "Exec=\"%s\" \"%s\" %s %%f\nMimeType=%s;\n",
                              id, script, opened_path, id, mime_type);
  write_file (path, contents, 0644);
}

/* The desktop's applications as the portal sees them, in a data directory of their own: two
 * PDF viewers, so that the portal asks the app chooser (which picks one by its ID among those
 * installed), and the default file manager. Each is one script that writes down its ID and
 * the file it was given. */
static char *
create_desktop_data_dir (const char *config_dir)
{
  char *data_dir = g_build_filename (tmp_dir, "desktop-data", NULL);
  g_autofree char *applications_dir = g_build_filename (data_dir, "applications", NULL);
  g_autofree char *script = g_build_filename (tmp_dir, "stand-in-application", NULL);
  g_autofree char *mimeapps = g_build_filename (config_dir, "mimeapps.list", NULL);
  g_autofree char *mime_cache = g_build_filename (applications_dir, "mimeinfo.cache", NULL);

  g_assert_cmpint (g_mkdir_with_parents (applications_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config_dir, 0700), ==, 0);

  write_file (script,
              "#!/bin/sh\n"
              "# A stand-in application for test-portal: usage: OUTPUT ID FILE\n"
              "printf '%s %s\\n' \"$2\" \"$3\" > \"$1.part\" && mv \"$1.part\" \"$1\"\n",
              0755);
  write_application (applications_dir, "cgtest-viewer", "application/pdf", script);
  write_application (applications_dir, "cgtest-other-viewer", "application/pdf", script);
  write_application (applications_dir, "cgtest-files", "inode/directory", script);
  /* What update-desktop-database would write: GLib finds handlers of a type through it */
  write_file (mime_cache,
              "[MIME Cache]\n"
              "application/pdf=cgtest-viewer.desktop;cgtest-other-viewer.desktop;\n"
              "inode/directory=cgtest-files.desktop;\n", 0644);
  write_file (mimeapps, "[Default Applications]\ninode/directory=cgtest-files.desktop\n", 0644);

  return data_dir;
}

/* $XDG_DATA_DIRS, or the default the specification gives */
static char **
dup_data_dirs (void)
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");

  if (data_dirs == NULL || *data_dirs == '\0')
    data_dirs = "/usr/local/share:/usr/share";

  return g_strsplit (data_dirs, G_SEARCHPATH_SEPARATOR_S, -1);
}

/* The data directories as the app sees them inside Flatpak: everything but applications.
 * GLib opens a file with an application it knows itself and asks the OpenURI portal only when
 * it knows none, as in the sandbox; so each data directory is mirrored by symbolic links,
 * leaving out applications/. (Read from $XDG_DATA_DIRS: g_get_system_data_dirs() would keep
 * the old value for the rest of the process.) */
static char *
create_sandbox_data_dirs (void)
{
  g_auto(GStrv) dirs = dup_data_dirs ();
  g_autoptr(GPtrArray) mirrors = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *mirror_name = g_strdup_printf ("app-data-%u", i);
      char *mirror = g_build_filename (tmp_dir, mirror_name, NULL);
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      g_assert_cmpint (g_mkdir (mirror, 0700), ==, 0);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *target = g_build_filename (dirs[i], name, NULL);
          g_autofree char *link = g_build_filename (mirror, name, NULL);

          if (g_strcmp0 (name, "applications") != 0)
            g_assert_cmpint (symlink (target, link), ==, 0);
        }
      g_ptr_array_add (mirrors, mirror);
    }
  g_ptr_array_add (mirrors, NULL);

  return g_strjoinv (G_SEARCHPATH_SEPARATOR_S, (char **)mirrors->pdata);
}

/* Removes @path and everything under it, never what a symbolic link points to */
static void
remove_tree (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) == 0 && S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
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
  g_autoptr(GSubprocess) permission_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *portal_dir = NULL;
  g_autofree char *portal_file = NULL;
  g_autofree char *backend_script = NULL;
  g_autofree char *open_arg = NULL;
  g_autofree char *save_arg = NULL;
  g_autofree char *print_arg = NULL;
  g_autofree char *log_arg = NULL;
  g_autofree char *desktop_config_dir = NULL;
  g_autofree char *desktop_data_dir = NULL;
  g_autofree char *desktop_data_home = NULL;
  g_autofree char *desktop_data_dirs = NULL;
  g_auto(GStrv) system_data_dirs = NULL;
  g_autofree char *joined_system_data_dirs = NULL;
  g_autofree char *sandbox_data_dirs = NULL;
  g_autofree char *bus_socket = NULL;
  g_autofree char *bus_config = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *config_arg = NULL;
  g_autofree char *contents = NULL;
  int ret;

  tmp_dir = g_dir_make_tmp ("cg-test-portal-XXXXXX", &error);
  g_assert_no_error (error);
  real_tmp_dir = realpath (tmp_dir, NULL);
  g_assert_nonnull (real_tmp_dir);
  opened_path = g_build_filename (tmp_dir, "opened", NULL);
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
  g_subprocess_launcher_unsetenv (launcher, "GTK_USE_PORTAL");
  g_subprocess_launcher_unsetenv (launcher, "GIO_USE_PORTALS");

  /* What the portal opens files and folders with: the stand-in applications first (the
   * system's data directories stay, for the MIME database and GSettings schemas) */
  desktop_config_dir = g_build_filename (tmp_dir, "desktop-config", NULL);
  desktop_data_dir = create_desktop_data_dir (desktop_config_dir);
  desktop_data_home = g_build_filename (tmp_dir, "desktop-data-home", NULL);
  system_data_dirs = dup_data_dirs ();
  joined_system_data_dirs = g_strjoinv (G_SEARCHPATH_SEPARATOR_S, system_data_dirs);
  desktop_data_dirs = g_strjoin (G_SEARCHPATH_SEPARATOR_S, desktop_data_dir,
                                 joined_system_data_dirs, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", desktop_data_dirs, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", desktop_data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", desktop_config_dir, TRUE);

  open_arg = g_strconcat ("--open=", open_path, NULL);
  save_arg = g_strconcat ("--save=", save_path, NULL);
  print_arg = g_strconcat ("--print-to=", print_path, NULL);
  log_arg = g_strconcat ("--log=", log_path, NULL);
  backend = start_process (launcher,
                           (const char *[]) { "/usr/bin/python3", backend_script, log_arg,
                                              open_arg, save_arg, print_arg,
                                              "--choose=cgtest-viewer", NULL },
                           BACKEND_NAME);
  /* Where the portal keeps which application the user chose for a type */
  permission_store = start_process (launcher,
                                    (const char *[]) { "/usr/libexec/xdg-permission-store", NULL },
                                    PERMISSION_STORE_NAME);
  portal = start_process (launcher,
                          (const char *[]) { "/usr/libexec/xdg-desktop-portal", NULL },
                          PORTAL_NAME);

  /* GTK's and GLib's portal code paths, as inside Flatpak; no accessibility bus on this
   * private bus */
  sandbox_data_dirs = create_sandbox_data_dirs ();
  g_setenv ("XDG_DATA_DIRS", sandbox_data_dirs, TRUE);
  g_setenv ("GDK_DEBUG", "portals", TRUE);
  g_setenv ("GTK_USE_PORTAL", "1", TRUE);   /* GLib 2.74 */
  g_setenv ("GIO_USE_PORTALS", "1", TRUE);  /* its name since GLib 2.76 */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/portal/open-bundle", test_open_bundle);
  g_test_add_func ("/portal/save-handout", test_save_handout);
  g_test_add_func ("/portal/print-handout", test_print_handout);
  g_test_add_func ("/portal/open-saved-handout", test_open_saved_handout);
  g_test_add_func ("/portal/show-saved-handout", test_show_saved_handout);

  ret = g_test_run ();

  g_clear_object (&app);
  stop_process (portal);
  stop_process (permission_store);
  stop_process (backend);
  stop_process (bus);

  remove_tree (tmp_dir);

  return ret;
}
