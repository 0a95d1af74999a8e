/* kz-store-upload.h
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

/* The first upload of a portfolio that was never synced, as whole
 * records and links (protocol 2 of docs/sync-protocol.md).  Turning
 * sync on with kz_store_enable_sync_planned() plans it for such a
 * portfolio instead of noting every field for upload (as
 * kz_store_set_sync_enabled() does); a server that only speaks
 * protocol 1 gets the plan as field changes
 * (kz_store_upload_to_changes()). */

typedef struct
{
  gint64     seq;        /* its place in the plan */
  char      *change_id;
  /* A record (kind, uuid, the fields that have a value) … */
  char      *kind;
  char      *uuid;
  GPtrArray *names;
  GPtrArray *values;
  /* … or a link (link, a, b). */
  char      *link;
  char      *a;
  char      *b;
  /* FALSE when it was deleted meanwhile or has no field with a value:
   * nothing to send (a deletion goes as a field change). */
  gboolean   send;
} KzUploadItem;

gboolean   kz_store_enable_sync_planned (KzStore      *self,
                                         GError      **error);

void       kz_upload_item_free         (KzUploadItem  *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzUploadItem, kz_upload_item_free)

gboolean   kz_store_has_upload         (KzStore       *self);
/* The next @limit items of the plan with their current state, fewer
 * when their values pass @max_bytes. */
GPtrArray *kz_store_get_upload         (KzStore       *self,
                                        guint          limit,
                                        gsize          max_bytes,
                                        GError       **error);
/* The same, for the items after @seq: to read the next batch while
 * the server works on one. */
GPtrArray *kz_store_get_upload_after   (KzStore       *self,
                                        gint64         seq,
                                        guint          limit,
                                        gsize          max_bytes,
                                        GError       **error);
/* The server took @item at @version (the last of a record's versions),
 * or, with @version 0, already had the record: then its fields are
 * noted as field changes, to merge with the server's. */
gboolean   kz_store_upload_item_done   (KzStore       *self,
                                        const KzUploadItem *item,
                                        gint64         version,
                                        GError       **error);
/* Drops the plan up to and including @seq. */
gboolean   kz_store_upload_forget      (KzStore       *self,
                                        gint64         seq,
                                        GError       **error);
/* For a server that speaks only protocol 1: the rest of the plan
 * becomes field and link changes. */
gboolean   kz_store_upload_to_changes  (KzStore       *self,
                                        GError       **error);

G_END_DECLS
