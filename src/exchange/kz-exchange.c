/* kz-exchange.c
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

#define G_LOG_DOMAIN "kz-exchange"

#include "config.h"

#include <errno.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "kz-exchange-private.h"

G_DEFINE_QUARK (kz-exchange-error-quark, kz_exchange_error)

struct _KzAtomicFile
{
  GFile         *target;
  GFile         *temp;
  GOutputStream *base;     /* the file stream, for fsync */
  GOutputStream *stream;   /* buffered on top of it */
  gboolean       committed;
};

static GFile *
temp_sibling (GFile *target)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());

  return g_file_get_child (parent, name);
}

static gboolean
open_temp (KzAtomicFile  *self,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      GFileOutputStream *out;

      g_clear_object (&self->temp);
      g_clear_error (&local_error);
      self->temp = temp_sibling (self->target);
      out = g_file_create (self->temp, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (out != NULL)
        {
          self->base = G_OUTPUT_STREAM (out);
          return TRUE;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }

  g_clear_object (&self->temp);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

KzAtomicFile *
_kz_atomic_file_new (GFile         *target,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(KzAtomicFile) self = g_new0 (KzAtomicFile, 1);
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  self->target = g_object_ref (target);
  if ((parent = g_file_get_parent (target)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (target);

      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
                   _("Cannot write to “%s”."), name);
      return NULL;
    }

  if (!open_temp (self, cancellable, error))
    return NULL;

  self->stream = g_buffered_output_stream_new_sized (self->base, 64 * 1024);
  return g_steal_pointer (&self);
}

GOutputStream *
_kz_atomic_file_get_stream (KzAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->stream;
}

/* Makes sure the content is on disk before the rename makes it visible. */
static gboolean
sync_to_disk (KzAtomicFile  *self,
              GError       **error)
{
  int fd;

  if (!G_IS_FILE_DESCRIPTOR_BASED (self->base))
    return TRUE;

  fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (self->base));
  if (fsync (fd) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not save the file: %s"), g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

gboolean
_kz_atomic_file_commit (KzAtomicFile  *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !g_output_stream_flush (self->stream, cancellable, error) ||
      !sync_to_disk (self, error) ||
      !g_output_stream_close (self->stream, cancellable, error))
    return FALSE;

  if (!g_file_move (self->temp, self->target,
                    G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, error))
    return FALSE;

  self->committed = TRUE;
  return TRUE;
}

void
_kz_atomic_file_free (KzAtomicFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->temp != NULL)
    {
      /* Closing would flush the buffer to a file we are about to delete. */
      if (self->stream != NULL)
        g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (self->stream), FALSE);
      if (self->base != NULL)
        g_output_stream_close (self->base, NULL, NULL);
      g_file_delete (self->temp, NULL, NULL);
    }

  g_clear_object (&self->stream);
  g_clear_object (&self->base);
  g_clear_object (&self->temp);
  g_clear_object (&self->target);
  g_free (self);
}

void
_kz_progress_init (KzProgress     *progress,
                   KzProgressFunc  func,
                   gpointer        data)
{
  *progress = (KzProgress) { func, data, NULL, 0.0, 1.0, -1.0 };
}

/* The next updates cover @start to @end of the whole operation. */
void
_kz_progress_phase (KzProgress *progress,
                    const char *message,
                    double      start,
                    double      end)
{
  progress->message = message;
  progress->start = start;
  progress->span = end - start;
  if (progress->func != NULL)
    progress->func (message, start, progress->data);
  progress->last = start;
}

void
_kz_progress_update (KzProgress *progress,
                     guint       done,
                     guint       total)
{
  double fraction;

  if (progress->func == NULL || total == 0)
    return;

  fraction = progress->start + progress->span * MIN (1.0, (double)done / total);
  if (fraction - progress->last < 0.005 && done != total)
    return;

  progress->last = fraction;
  progress->func (progress->message, fraction, progress->data);
}

void
_kz_progress_done (KzProgress *progress)
{
  if (progress->func != NULL)
    progress->func (NULL, 1.0, progress->data);
}

char *
_kz_exchange_german_date (const char *iso_date)
{
  guint y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return g_strdup (iso_date);

  return g_strdup_printf ("%02u.%02u.%04u", d, m, y);
}
