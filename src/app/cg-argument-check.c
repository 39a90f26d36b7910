/* cg-argument-check.c: the command line checked before GApplication parses it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GApplication answers an unknown option or a missing argument with GLib's own message and
 * exit status 1, which scripts cannot tell from "no results". The same options are parsed
 * here first, into throw-away storage, so that every such mistake is one
 * "calcinosis-guide: …" line and exit status 2 (cg_terminal_fail()). An action that prints
 * (--list-sections…) given a stray file name is refused too, rather than ignoring it.
 */

#define G_LOG_DOMAIN "cg-argument-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cg-argument-check.h"
#include "cg-command-line.h"

/* Options GApplication adds and parses itself: accepted here, handled there */
static const char * const gapplication_options[] = {
  "gapplication-service", "help", "help-all", "help-gapplication", NULL
};

/* The options that answer on stdout and take no file name */
static const char * const actions[] = {
  "version", "list-sections", "search", "export-handout", "print", "list-handout-sets",
  "validate-bundle", NULL
};

typedef union
{
  gboolean  flag;
  char     *text;
} Value;

static void
free_values (GOptionEntry *entries,
             Value        *values,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    if (entries[i].arg != G_OPTION_ARG_NONE)
      g_free (values[i].text);
}

static gboolean
check_leftovers (const char * const  *leftovers,
                 GOptionEntry        *entries,
                 Value               *values,
                 guint                n_entries,
                 GError             **error)
{
  const char *action = NULL;

  if (leftovers == NULL || leftovers[0] == NULL)
    return TRUE;

  for (guint i = 0; i < n_entries && action == NULL; i++)
    if (g_strv_contains (actions, entries[i].long_name) &&
        (entries[i].arg == G_OPTION_ARG_NONE ? values[i].flag : values[i].text != NULL))
      action = entries[i].long_name;

  /* Without an action, the remaining arguments are files to open in a window */
  if (action == NULL)
    return TRUE;

  /* Translators: the first %s is an argument, the second an option such as --list-sections */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unexpected argument “%s”: --%s takes no file"), leftovers[0], action);

  return FALSE;
}

/* GOption takes "--version=x" as --version; the value is a mistake worth saying */
static gboolean
check_flag_values (char * const  *args,
                   GOptionEntry  *table,
                   GError       **error)
{
  for (guint i = 1; args[i] != NULL && !g_str_equal (args[i], "--"); i++)
    {
      const char *equals = strchr (args[i], '=');
      g_autofree char *name = NULL;

      if (!g_str_has_prefix (args[i], "--") || equals == NULL)
        continue;

      name = g_strndup (args[i] + 2, equals - args[i] - 2);
      for (guint j = 0; table[j].long_name != NULL; j++)
        if (table[j].arg == G_OPTION_ARG_NONE && g_str_equal (table[j].long_name, name))
          {
            /* Translators: the first %s is an option such as --version, the second its value */
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("Unexpected argument for --%s: “%s”; it takes none"), name, equals + 1);
            return FALSE;
          }
    }

  return TRUE;
}

/**
 * cg_argument_check:
 * @arguments: the program's arguments, argv[0] first
 *
 * Returns: %TRUE if GApplication will parse @arguments without an error; otherwise %FALSE
 *   with @error naming the option or argument at fault
 */
gboolean
cg_argument_check (const char * const  *arguments,
                   GError             **error)
{
  const GOptionEntry *registered = cg_command_line_get_entries ();
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GOptionGroup) group = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autofree Value *values = NULL;
  g_auto(GStrv) args = g_strdupv ((char **)arguments);
  GOptionEntry *table;
  gboolean ok;
  guint n = 0;

  while (registered[n].long_name != NULL)
    n++;

  values = g_new0 (Value, n + G_N_ELEMENTS (gapplication_options));
  table = g_new0 (GOptionEntry, n + G_N_ELEMENTS (gapplication_options));
  for (guint i = 0; i < n; i++)
    {
      table[i] = registered[i];
      table[i].arg_data = &values[i];
    }
  for (guint i = 0; gapplication_options[i] != NULL; i++)
    {
      table[n + i].long_name = gapplication_options[i];
      table[n + i].arg = G_OPTION_ARG_NONE;
      table[n + i].arg_data = &values[n + i];
      if (g_str_equal (gapplication_options[i], "help"))
        table[n + i].short_name = 'h';
    }
  g_ptr_array_add (entries, table);

  /* Help is GApplication's to print: here it is just another option */
  g_option_context_set_help_enabled (context, FALSE);
  group = g_option_group_new (NULL, NULL, NULL, NULL, NULL);
  g_option_group_add_entries (group, table);
  g_option_context_set_main_group (context, g_steal_pointer (&group));

  ok = check_flag_values (args, table, error) &&
       g_option_context_parse_strv (context, &args, error) &&
       check_leftovers ((const char * const *)(args[0] != NULL ? args + 1 : args),
                        table, values, n, error);

  free_values (table, values, n);

  return ok;
}
