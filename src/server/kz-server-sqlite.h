/* kz-server-sqlite.h
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

#include "kz-server-storage.h"

G_BEGIN_DECLS

#define KZ_SERVER_SQLITE_SCHEMA_VERSION 1

#define KZ_TYPE_SERVER_SQLITE (kz_server_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (KzServerSqlite, kz_server_sqlite, KZ, SERVER_SQLITE, GObject)

/* Opens or creates the server database at @path (WAL, foreign keys,
 * synchronous writes) and brings its schema up to date.  Files of a
 * newer schema or of another application are refused untouched. */
KzServerSqlite *kz_server_sqlite_open  (const char      *path,
                                        GError         **error);
/* Runs PRAGMA integrity_check; TRUE when the answer is "ok". */
gboolean        kz_server_sqlite_check (KzServerSqlite  *self,
                                        GError         **error);

G_END_DECLS
