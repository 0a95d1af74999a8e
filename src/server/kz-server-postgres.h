/* kz-server-postgres.h
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

#define KZ_SERVER_POSTGRES_SCHEMA_VERSION 1

#define KZ_TYPE_SERVER_POSTGRES (kz_server_postgres_get_type ())

G_DECLARE_FINAL_TYPE (KzServerPostgres, kz_server_postgres, KZ, SERVER_POSTGRES, GObject)

/* Whether @location is a PostgreSQL connection URI
 * ("postgresql://…" or "postgres://…"). */
gboolean          kz_server_postgres_is_uri (const char  *location);
/* Connects to the database at @uri and creates or upgrades the
 * server's tables in it.  Several server processes may serve one
 * database at once: all state is in the database, write transactions
 * are serialised by a transaction-scoped advisory lock, and reads see
 * one snapshot.  A database of a newer schema is refused untouched. */
KzServerPostgres *kz_server_postgres_open   (const char  *uri,
                                             GError     **error);

G_END_DECLS
