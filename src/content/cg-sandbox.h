/* cg-sandbox.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Flatpak writes this file into every sandbox it starts: its [Context] lists what the app may
 * see of the host. */
#define CG_SANDBOX_INFO_PATH "/.flatpak-info"

GKeyFile *cg_sandbox_load_info          (const char *info_path);
gboolean  cg_sandbox_path_is_on_host    (GKeyFile   *info,
                                         const char *path);

G_END_DECLS
