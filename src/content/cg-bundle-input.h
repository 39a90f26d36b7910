/* cg-bundle-input.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CG_BUNDLE_INPUT_ERROR (cg_bundle_input_error_quark ())

typedef enum
{
  CG_BUNDLE_INPUT_ERROR_TERMINAL,        /* "-", but standard input is a terminal */
  CG_BUNDLE_INPUT_ERROR_NOT_IN_SANDBOX,  /* a path the Flatpak sandbox cannot see */
  CG_BUNDLE_INPUT_ERROR_WINDOW_STDIN,    /* "-" for the window, which reads files only */
} CgBundleInputError;

GQuark   cg_bundle_input_error_quark   (void);
GBytes  *cg_bundle_input_read          (const char  *argument,
                                        const char  *option,
                                        GKeyFile    *sandbox_info,
                                        char       **display_name,
                                        GError     **error);
gboolean cg_bundle_input_check_for_window (const char  *argument,
                                           GKeyFile    *sandbox_info,
                                           GError     **error);

G_END_DECLS
