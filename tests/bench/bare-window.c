/* bare-window.c: the start-up floor for build-aux/bench
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An empty GtkApplicationWindow of the app's default size, started the way the app starts
 * (GtkApplication on the session bus, G_APPLICATION_HANDLES_OPEN) with the same first-frame
 * hook as src/cg-application.c: when the window's frame clock emits its first after-paint, print
 * "first-frame <monotonic µs> us" and quit. Built by build-aux/bench, never installed.
 *
 *   bare-window              the floor: under Xvfb (no window manager, no compositor) GTK draws
 *                            no decorations, so this is an empty surface with no text at all
 *   bare-window --headerbar  a reference, not the floor: the same window with a GtkHeaderBar
 *                            (client-side decorations, a title), the chrome every GNOME app has
 *   bare-window --same-job TEXTFILE
 *                            the floor for the app's start-up: a plain GTK program doing the
 *                            window's job: the header bar with the same four buttons, a paned
 *                            with a seven-row sidebar and one section of text in a scrolled
 *                            view. TEXTFILE has the seven section titles, one a line, then a
 *                            blank line, then the first section's paragraphs, one a line (the
 *                            benchmark writes it from the shipped bundle). No model, no
 *                            settings, no templates, no CSS of its own.
 */

#include <gtk/gtk.h>

static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT " us\n", g_get_monotonic_time ());
  g_application_quit (app);
}

static void
on_window_map_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), app, 0);
}

static gboolean with_headerbar;
static const char *same_job_text_path;

static GtkWidget *
create_header_bar (void)
{
  GtkWidget *header_bar = gtk_header_bar_new ();
  GtkWidget *sidebar_button = gtk_toggle_button_new ();
  GtkWidget *search_button = gtk_toggle_button_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *print_button = gtk_button_new_from_icon_name ("document-print-symbolic");
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_button_set_icon_name (GTK_BUTTON (sidebar_button), "sidebar-show-symbolic");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sidebar_button), TRUE);
  gtk_button_set_icon_name (GTK_BUTTON (search_button), "system-search-symbolic");
  g_menu_append (menu, "About", "app.about");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header_bar), sidebar_button);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header_bar), search_button);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header_bar), menu_button);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header_bar), print_button);

  return header_bar;
}

/* The seven section titles in a list, the first section's title and text beside them */
static GtkWidget *
create_same_job_content (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) paragraphs = NULL;
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *sidebar = gtk_scrolled_window_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *view = gtk_scrolled_window_new ();
  GtkWidget *heading;
  g_autoptr(GError) error = NULL;
  guint i;

  if (!g_file_get_contents (same_job_text_path, &text, NULL, &error))
    g_error ("%s", error->message);
  paragraphs = g_strsplit (text, "\n", -1);

  for (i = 0; paragraphs[i] != NULL && *paragraphs[i] != '\0'; i++)
    {
      GtkWidget *label = gtk_label_new (paragraphs[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  heading = gtk_label_new (paragraphs[0]);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sidebar), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sidebar), list);
  gtk_widget_set_size_request (sidebar, 240, -1);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_box_append (GTK_BOX (column), heading);
  for (; paragraphs[i] != NULL; i++)
    {
      GtkWidget *label;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      label = gtk_label_new (paragraphs[i]);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (column), label);
    }
  gtk_widget_set_margin_start (column, 48);
  gtk_widget_set_margin_end (column, 48);
  gtk_widget_set_margin_top (column, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (view), column);
  gtk_widget_set_hexpand (view, TRUE);

  gtk_paned_set_start_child (GTK_PANED (paned), sidebar);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), view);

  return paned;
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  if (same_job_text_path != NULL)
    {
      gtk_window_set_titlebar (GTK_WINDOW (window), create_header_bar ());
      gtk_window_set_child (GTK_WINDOW (window), create_same_job_content ());
    }
  else if (with_headerbar)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  if (g_getenv ("CG_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_map_cb), app, 0);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--headerbar"))
    {
      with_headerbar = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  else if (argc > 2 && g_str_equal (argv[1], "--same-job"))
    {
      same_job_text_path = argv[2];
      argv[2] = argv[0];
      argc -= 2;
      argv += 2;
    }

  app = gtk_application_new ("io.github.calcinosisguide.BareWindow", G_APPLICATION_HANDLES_OPEN);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
