/* kz-store-backup.h
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

#include <gio/gio.h>

#include "kz-store.h"

G_BEGIN_DECLS

/* Backups of a whole portfolio in one file: every record, tombstone,
 * link, history entry and sync note.  The file is an ordinary SQLite
 * database in rollback-journal mode, so it can be copied, mailed or
 * opened with kz_store_open() like any portfolio. */

/**
 * kz_store_backup:
 * @path: the backup file to create or replace; not the portfolio itself
 *
 * Writes a consistent copy of the portfolio to @path with SQLite's
 * backup API.  Other threads may keep using the store meanwhile; their
 * committed changes are included.  The copy is written under a temporary
 * name and renamed once complete and on disk, so a failed or cancelled
 * backup leaves an older file at @path untouched.  Must not be called
 * inside kz_store_begin().
 *
 * Returns: %FALSE with KZ_STORE_ERROR_BACKUP or G_IO_ERROR_CANCELLED.
 */
gboolean kz_store_backup         (KzStore       *self,
                                  const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

/**
 * kz_store_restore_backup:
 * @path: a file made by kz_store_backup() (or any portfolio file)
 *
 * Replaces the whole content of the open portfolio with that of @path.
 * The file is checked first: it must be an undamaged Kompetenz
 * portfolio of this or an older format (older ones are upgraded on a
 * working copy before anything is replaced; newer ones are refused with
 * KZ_STORE_ERROR_NEWER_SCHEMA).  The content is then swapped in with the
 * backup API in one transaction: on error or cancellation the portfolio
 * stays as it was.  Afterwards "changed" is emitted with KZ_N_KINDS and
 * a NULL uuid.  Records held by callers, and any undo history, refer to
 * the old content: reload them and clear the undo manager.  Must not be
 * called inside kz_store_begin().
 *
 * (Named so because kz_store_restore() brings back a deleted record.)
 */
gboolean kz_store_restore_backup (KzStore       *self,
                                  const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
