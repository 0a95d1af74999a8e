/* kz-server-log.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "kz-server-error.h"
#include "kz-server-log.h"

struct _KzAccessLog
{
  char *path;
  FILE *file;
};

static FILE *
open_file (const char  *path,
           GError     **error)
{
  FILE *file;

  if (g_str_equal (path, "-"))
    return stdout;

  if (!(file = g_fopen (path, "ae")))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open the access log “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  setvbuf (file, NULL, _IOLBF, 0);
  return file;
}

static void
close_file (KzAccessLog *self)
{
  if (self->file != NULL && self->file != stdout)
    fclose (self->file);
  self->file = NULL;
}

KzAccessLog *
kz_access_log_open (const char  *path,
                    GError     **error)
{
  KzAccessLog *self;
  FILE *file;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(file = open_file (path, error)))
    return NULL;

  self = g_new0 (KzAccessLog, 1);
  self->path = g_strdup (path);
  self->file = file;
  return self;
}

void
kz_access_log_free (KzAccessLog *self)
{
  if (self == NULL)
    return;

  close_file (self);
  g_free (self->path);
  g_free (self);
}

gboolean
kz_access_log_reopen (KzAccessLog  *self,
                      GError      **error)
{
  FILE *file;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(file = open_file (self->path, error)))
    return FALSE;

  close_file (self);
  self->file = file;
  return TRUE;
}

void
kz_access_log_write (KzAccessLog *self,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *user,
                     gint64       duration)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *safe_path = NULL;

  g_return_if_fail (self != NULL);

  /* Percent-encoded again, so that a line always has six words. */
  safe_path = g_uri_escape_string (path ? path : "-", G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
  fprintf (self->file, "%s.%03dZ %s %s %u %s %.1fms\n", time,
           g_date_time_get_microsecond (now) / 1000, method ? method : "-", safe_path,
           status, user ? user : "-", duration / 1000.0);
  if (self->file == stdout)
    fflush (stdout);
}
