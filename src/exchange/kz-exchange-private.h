/* kz-exchange-private.h
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

#pragma once

#include <glib/gi18n-lib.h>

#include "kz-exchange.h"

G_BEGIN_DECLS

/* A file written under a temporary name next to its target and renamed
 * over it by _kz_atomic_file_commit().  Freeing an uncommitted one
 * deletes the temporary file and leaves the target untouched. */
typedef struct _KzAtomicFile KzAtomicFile;

KzAtomicFile  *_kz_atomic_file_new        (GFile          *target,
                                           GCancellable   *cancellable,
                                           GError        **error);
GOutputStream *_kz_atomic_file_get_stream (KzAtomicFile   *self);
gboolean       _kz_atomic_file_commit     (KzAtomicFile   *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
void           _kz_atomic_file_free       (KzAtomicFile   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzAtomicFile, _kz_atomic_file_free)

/* Reports progress at most about every 1/200th of the way. */
typedef struct
{
  KzProgressFunc  func;
  gpointer        data;
  const char     *message;
  double          start;
  double          span;
  double          last;
} KzProgress;

void      _kz_progress_init      (KzProgress     *progress,
                                  KzProgressFunc  func,
                                  gpointer        data);
void      _kz_progress_phase     (KzProgress     *progress,
                                  const char     *message,
                                  double          start,
                                  double          end);
void      _kz_progress_update    (KzProgress     *progress,
                                  guint           done,
                                  guint           total);
void      _kz_progress_done      (KzProgress     *progress);

/* "31.12.2026" for an ISO date, whatever the locale. */
char     *_kz_exchange_german_date (const char *iso_date);

G_END_DECLS
