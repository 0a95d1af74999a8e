/* kz-backup-actions.h
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

#include "kz-window.h"

G_BEGIN_DECLS

/* Writes a backup of the whole portfolio to @file on a worker thread,
 * with the window's progress bar and its Cancel button.  A cancelled or
 * failed backup leaves no file (and an older @file untouched). */
void      kz_backup_write_async      (KzWindow             *window,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  kz_backup_write_finish     (KzWindow             *window,
                                      GAsyncResult         *result,
                                      GError              **error);

/* Replaces the portfolio with the backup @file after keeping a safety
 * copy of the current one next to the portfolio.  A damaged, foreign or
 * newer file changes nothing.  Afterwards the undo history is cleared
 * and every page reloads.  Returns the safety copy (transfer full). */
void      kz_backup_restore_async    (KzWindow             *window,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GFile    *kz_backup_restore_finish   (KzWindow             *window,
                                      GAsyncResult         *result,
                                      GError              **error);

/* Adds "backup.create" and "backup.restore" to @window: file choosers,
 * a confirmation before restoring, and a toast that can undo it. */
void      kz_backup_actions_install  (KzWindow             *window);

G_END_DECLS
