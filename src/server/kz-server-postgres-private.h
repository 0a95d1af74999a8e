/* kz-server-postgres-private.h
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

#include <libpq-fe.h>

#include "kz-server-postgres.h"

G_BEGIN_DECLS

/* Helpers shared by the PostgreSQL backend's source files.  Every
 * statement is parameterised: values travel apart from the SQL text,
 * never spliced into it. */

#define KZ_PG_MAX_PARAMS 12

typedef struct
{
  int         n;
  const char *values[KZ_PG_MAX_PARAMS];
  int         lengths[KZ_PG_MAX_PARAMS];
  int         formats[KZ_PG_MAX_PARAMS];
  char       *owned[KZ_PG_MAX_PARAMS];
} KzPgParams;

void      _kz_pg_params_clear  (KzPgParams        *params);
/* NULL is SQL NULL. */
void      _kz_pg_text          (KzPgParams        *params,
                                const char        *text);
void      _kz_pg_int           (KzPgParams        *params,
                                gint64             value);
void      _kz_pg_bool          (KzPgParams        *params,
                                gboolean           value);
void      _kz_pg_blob          (KzPgParams        *params,
                                const guint8      *data,
                                int                length);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzPgParams, _kz_pg_params_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Runs @sql (prepared once per connection) with @params (NULL for
 * none).  Returns the result of a successful statement, else NULL
 * with @error set; *sqlstate (may be NULL) gets the error's code. */
PGresult *_kz_pg_exec          (KzServerPostgres  *self,
                                const char        *sql,
                                const KzPgParams  *params,
                                char             **sqlstate,
                                GError           **error);
/* Like _kz_pg_exec() for a statement whose rows are not needed. */
gboolean  _kz_pg_run           (KzServerPostgres  *self,
                                const char        *sql,
                                const KzPgParams  *params,
                                GError           **error);

char     *_kz_pg_dup           (const PGresult    *result,
                                int                row,
                                int                column);
gint64    _kz_pg_int64         (const PGresult    *result,
                                int                row,
                                int                column);
gboolean  _kz_pg_boolean       (const PGresult    *result,
                                int                row,
                                int                column);

void      _kz_server_postgres_init_records (KzServerStorageInterface *iface);
void      _kz_server_postgres_init_users   (KzServerStorageInterface *iface);

G_END_DECLS
