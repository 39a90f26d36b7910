/* cg-file-reader.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CG_TYPE_FILE_READER (cg_file_reader_get_type())

G_DECLARE_FINAL_TYPE (CgFileReader, cg_file_reader, CG, FILE_READER, GObject)

#define CG_FILE_READER_ERROR (cg_file_reader_error_quark ())

typedef enum
{
  CG_FILE_READER_ERROR_READ,         /* could not open or read the file */
  CG_FILE_READER_ERROR_NOT_REGULAR,  /* a folder, named pipe, device, socket… */
  CG_FILE_READER_ERROR_TOO_LARGE,    /* over the reader's size cap */
  CG_FILE_READER_ERROR_LOOP,         /* a symbolic link that leads back to itself */
} CgFileReaderError;

GQuark        cg_file_reader_error_quark        (void);

CgFileReader *cg_file_reader_new                (gsize                 max_size,
                                                 const char           *kind_hint);
gsize         cg_file_reader_get_max_size       (CgFileReader         *self);
GBytes       *cg_file_reader_read               (CgFileReader         *self,
                                                 GFile                *file,
                                                 GError              **error);
GBytes       *cg_file_reader_read_fd            (CgFileReader         *self,
                                                 int                   fd,
                                                 const char           *name,
                                                 GError              **error);
void          cg_file_reader_read_async         (CgFileReader         *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GBytes       *cg_file_reader_read_finish        (CgFileReader         *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
char         *cg_file_reader_dup_display_name   (GFile                *file);

G_END_DECLS
