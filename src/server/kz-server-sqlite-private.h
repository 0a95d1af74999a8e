/* kz-server-sqlite-private.h
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

#include <sqlite3.h>

#include "kz-server-sqlite.h"

G_BEGIN_DECLS

/* Helpers shared by the SQLite backend's source files.  Statements are
 * prepared once and kept; a returned statement is reset and unbound. */
sqlite3_stmt *_kz_server_sqlite_prepare     (KzServerSqlite  *self,
                                             const char      *sql,
                                             GError         **error);
gboolean      _kz_server_sqlite_set_error   (KzServerSqlite  *self,
                                             GError         **error);
/* Steps a statement that returns no row. */
gboolean      _kz_server_sqlite_run         (KzServerSqlite  *self,
                                             sqlite3_stmt    *stmt,
                                             GError         **error);
char         *_kz_server_sqlite_dup_column  (sqlite3_stmt    *stmt,
                                             int              column);
void          _kz_server_sqlite_bind_text   (sqlite3_stmt    *stmt,
                                             int              index,
                                             const char      *text);
int           _kz_server_sqlite_last_error  (KzServerSqlite  *self);

/* Each file fills in the vfuncs it implements. */
void          _kz_server_sqlite_init_records (KzServerStorageInterface *iface);
void          _kz_server_sqlite_init_users   (KzServerStorageInterface *iface);

G_END_DECLS
