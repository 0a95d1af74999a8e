/* kz-store-sync.h
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

#include "kz-store.h"

G_BEGIN_DECLS

/* The store's side of the sync protocol (docs/sync-protocol.md): what
 * to push, what the server accepted, and applying the server's state.
 * No networking here; src/sync moves these over HTTP. */

typedef struct
{
  char    *change_id;
  /* A field change (kind, uuid, field, value) … */
  char    *kind;
  char    *uuid;
  char    *field;       /* a field name or "deleted" */
  char    *value;       /* canonical text, NULL for an empty field */
  gint64   base;        /* the server version last seen, 0 if none */
  /* … or a link change (link, a, b, link_deleted). */
  char    *link;
  char    *a;
  char    *b;
  gboolean link_deleted;
} KzPendingChange;

void       kz_pending_change_free        (KzPendingChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzPendingChange, kz_pending_change_free)

typedef struct
{
  char   *id;
  char   *kind;
  char   *uuid;
  char   *field;
  char   *base_value;
  char   *server_value;   /* "theirs" for whoever pushed second */
  char   *client_value;
  char   *server_author;
  char   *client_author;
  gint64  created;        /* microseconds since the epoch */
} KzConflict;

void       kz_conflict_free              (KzConflict      *conflict);
KzConflict *kz_conflict_copy             (const KzConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzConflict, kz_conflict_free)

/* Up to @limit pending changes, oldest first, with the current values. */
GPtrArray *kz_store_get_pending          (KzStore         *self,
                                          guint            limit,
                                          GError         **error);
/* The server took @change (applied, duplicate or conflict): forget it
 * unless the field was edited again meanwhile, and remember the
 * server's version of the field (0 to leave it). */
gboolean   kz_store_ack_change           (KzStore         *self,
                                          const KzPendingChange *change,
                                          gint64           version,
                                          GError         **error);

/* The server refused @change as a conflict: forget it and take the
 * server's value of the field if it arrived while the change was
 * pending (later values come with the next pull). */
gboolean   kz_store_reject_change        (KzStore         *self,
                                          const KzPendingChange *change,
                                          GError         **error);

typedef struct
{
  const char *field;    /* a field name or "deleted" */
  const char *value;    /* canonical text or NULL */
  gint64      version;
  const char *author;   /* the server user who made the change, or NULL */
} KzRemoteField;

/* Applies the server's state of one record.  Fields with a local edit
 * still pending keep the local value.  Remote values are written even
 * if the merged record breaks a rule (say, an end date before a start
 * date someone else changed): data is never refused from the server.
 * Each changed field goes into the history with its author.  Call
 * inside kz_store_begin()/commit() to apply a page at once. */
gboolean   kz_store_apply_remote_record  (KzStore         *self,
                                          KzKind           kind,
                                          const char      *uuid,
                                          const KzRemoteField *fields,
                                          guint            n_fields,
                                          GError         **error);
gboolean   kz_store_apply_remote_link    (KzStore         *self,
                                          KzLink           link,
                                          const char      *a,
                                          const char      *b,
                                          gboolean         deleted,
                                          GError         **error);

gint64     kz_store_get_sync_cursor      (KzStore         *self);
gboolean   kz_store_set_sync_cursor      (KzStore         *self,
                                          gint64           cursor,
                                          GError         **error);

/* The server's open conflicts, as last fetched. */
gboolean   kz_store_replace_conflicts    (KzStore         *self,
                                          GPtrArray       *conflicts,
                                          GError         **error);
GPtrArray *kz_store_list_conflicts       (KzStore         *self,
                                          GError         **error);

G_END_DECLS
