/* cg-source-list.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-types.h"

G_BEGIN_DECLS

char *cg_source_list_format (CgLibrary  *library,
                             const char *language);

G_END_DECLS
