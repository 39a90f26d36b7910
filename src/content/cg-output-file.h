/* cg-output-file.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CG_OUTPUT_FILE_DEFAULT     = 0,
  CG_OUTPUT_FILE_PRIVATE     = 1 << 0,  /* patient data: a new file is 0600, whatever the umask */
  CG_OUTPUT_FILE_NO_TMPFILE  = 1 << 1,  /* a named temporary file even where O_TMPFILE works */
} CgOutputFileFlags;

typedef struct _CgOutputFile CgOutputFile;

CgOutputFile *cg_output_file_open            (const char         *path,
                                              CgOutputFileFlags   flags,
                                              GError            **error);
CgOutputFile *cg_output_file_new_for_fd      (int                 fd,
                                              const char         *display_name);
const char   *cg_output_file_get_target      (CgOutputFile       *self);
const char   *cg_output_file_get_display_name (CgOutputFile      *self);
gboolean      cg_output_file_write           (CgOutputFile       *self,
                                              const void         *data,
                                              gsize               length,
                                              GError            **error);
gboolean      cg_output_file_commit          (CgOutputFile       *self,
                                              GError            **error);
void          cg_output_file_free            (CgOutputFile       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgOutputFile, cg_output_file_free)

G_END_DECLS
