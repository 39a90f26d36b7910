/* print-notice.c: the handout builder printing on a named queue, for test-print-cups.py
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * print-notice QUEUE: opens the builder on Treatment, prints it on QUEUE as Print… does after
 * the print dialog, and writes on standard output what the builder then says, one line:
 * "notice: Sent to QUEUE (N pages)" or "error: Could not print on QUEUE: …". Exits 0 when the
 * builder said either, 1 when it said nothing.
 */

#include "config.h"

#include "cg-handout-dialog.h"
#include "cg-handout-notice.h"
#include "cg-library.h"
#include "cg-resources.h"

#include "cg-test-widgets.h"

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgLibrary) library = NULL;
  CgHandoutNotice *notice;
  GtkWidget *error = NULL;
  GtkWindow *dialog;
  gint64 deadline;
  int status = 1;

  if (argc != 2)
    {
      g_printerr ("usage: print-notice QUEUE\n");
      return 2;
    }

  gtk_init ();
  (void)cg_get_resource ();
  library = cg_library_new ();
  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  gtk_window_present (dialog);
  notice = CG_HANDOUT_NOTICE (cg_test_find_widget (GTK_WIDGET (dialog), CG_TYPE_HANDOUT_NOTICE));

  cg_handout_dialog_print_to (CG_HANDOUT_DIALOG (dialog), argv[1]);

  /* An upper bound on a loaded machine, not a pace */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (cg_handout_notice_get_message (notice) == NULL &&
         (error = cg_test_find_widget_if (GTK_WIDGET (dialog), is_error_label, NULL)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  if (cg_handout_notice_get_message (notice) != NULL)
    g_print ("notice: %s\n", cg_handout_notice_get_message (notice));
  else if (error != NULL)
    g_print ("error: %s\n", gtk_label_get_text (GTK_LABEL (error)));
  status = cg_handout_notice_get_message (notice) != NULL || error != NULL ? 0 : 1;

  gtk_window_destroy (dialog);

  return status;
}
