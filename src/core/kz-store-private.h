/* kz-store-private.h
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

#include "kz-store.h"

G_BEGIN_DECLS

/* A random version 4 UUID in SQL, for change ids made in bulk. */
#define KZ_STORE_UUID_SQL \
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || " \
  "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) %% 4), 1) || " \
  "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

typedef struct
{
  int         version;
  const char *sql;
} KzMigration;

const KzMigration *_kz_store_get_migrations (guint         *n_migrations);

/* Helpers shared by the store's source files.  The caller holds the
 * store's lock (kz_store_begin() or _kz_store_lock()). */
void               _kz_store_lock           (KzStore       *self);
void               _kz_store_unlock         (KzStore       *self);
sqlite3_stmt      *_kz_store_prepare        (KzStore       *self,
                                             const char    *sql,
                                             GError       **error);
gboolean           _kz_store_exec           (KzStore       *self,
                                             const char    *sql,
                                             GError       **error);
gboolean           _kz_store_is_disk_error  (int            code);
gboolean           _kz_store_set_error      (KzStore       *self,
                                             GError       **error);
const char        *_kz_store_columns        (KzKind         kind);
/* What a person typed as an FTS5 query (every word as a prefix), or
 * NULL when it holds no word. */
char              *_kz_store_build_search_query (const char *text);
KzRecord          *_kz_store_read_record    (KzKind         kind,
                                             sqlite3_stmt  *stmt,
                                             int            first_column);
GListModel        *_kz_store_collect        (KzStore       *self,
                                             KzKind         kind,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
sqlite3           *_kz_store_db             (KzStore       *self);
void               _kz_store_note_change    (KzStore       *self,
                                             KzKind         kind,
                                             const char    *uuid);

/* Change tracking: history, pending sync changes and the search index,
 * written in the caller's transaction (kz-store-tracking.c). */
gboolean           _kz_store_track_save     (KzStore       *self,
                                             KzRecord      *old,
                                             KzRecord      *record,
                                             GError       **error);
gboolean           _kz_store_track_deleted  (KzStore       *self,
                                             KzRecord      *record,
                                             gboolean       deleted,
                                             GError       **error);
gboolean           _kz_store_track_link     (KzStore       *self,
                                             KzLink         link,
                                             const char    *a,
                                             const char    *b,
                                             gboolean       deleted,
                                             GError       **error);
gboolean           _kz_store_load_tracking  (KzStore       *self,
                                             GError       **error);
char              *_kz_store_meta_get       (KzStore       *self,
                                             const char    *key);
gboolean           _kz_store_meta_set       (KzStore       *self,
                                             const char    *key,
                                             const char    *value,
                                             GError       **error);
gboolean           _kz_store_write_record   (KzStore       *self,
                                             KzRecord      *record,
                                             GError       **error);
gboolean           _kz_store_add_history    (KzStore       *self,
                                             const char    *kind,
                                             const char    *uuid,
                                             const char    *field,
                                             const char    *old_value,
                                             const char    *new_value,
                                             const char    *author,
                                             GError       **error);
gboolean           _kz_store_index_record   (KzStore       *self,
                                             KzRecord      *record,
                                             GError       **error);
gboolean           _kz_store_check_rules    (KzStore       *self,
                                             KzRecord      *record,
                                             GError       **error);
void               _kz_store_set_sync_flag  (KzStore       *self,
                                             gboolean       enabled);
gboolean           _kz_store_is_bulk        (KzStore       *self);
gboolean           _kz_store_never_synced   (KzStore       *self);
gboolean           _kz_store_plan_upload    (KzStore       *self,
                                             GError       **error);
void               _kz_store_defer_index    (KzStore       *self,
                                             KzRecord      *record);
gboolean           _kz_store_index_records  (KzStore       *self,
                                             GPtrArray     *records,
                                             GError       **error);
gboolean           _kz_store_index_new_records (KzStore    *self,
                                             GError       **error);

G_END_DECLS
