/* cg-chart-line.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-handout-request.h"
#include "cg-types.h"

G_BEGIN_DECLS

typedef enum
{
  CG_CHART_LINE_PRINTED,
  CG_CHART_LINE_SAVED,
} CgChartLineAction;

const char *cg_language_get_local_name (const char        *language);
char       *cg_chart_line_format       (CgHandoutRequest  *request,
                                        CgLibrary         *library,
                                        CgChartLineAction  action,
                                        GDateTime         *date);

G_END_DECLS
