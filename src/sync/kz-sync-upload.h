/* kz-sync-upload.h
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

#include "kz-store-upload.h"

G_BEGIN_DECLS

/* JSON of the bulk first upload (protocol 2, POST /api/v1/records). */

#define KZ_SYNC_PROTOCOL_BULK 2

/* The highest protocol version both this client and the server of a
 * status answer speak: 1, or KZ_SYNC_PROTOCOL_BULK. */
int       kz_sync_decode_protocol       (GBytes     *body);

/* The items of @items that have something to send; NULL when none. */
char     *kz_sync_encode_upload         (GPtrArray  *items);

/* Reads the answer to an upload of @items, notes each item done and
 * drops them from the plan, in one transaction; advances the cursor
 * when nobody else changed anything meanwhile.  @n_changes gets the
 * field and link changes the server took. */
gboolean  kz_sync_apply_upload_results  (KzStore    *store,
                                         GPtrArray  *items,
                                         GBytes     *body,
                                         guint      *n_changes,
                                         GError    **error);

/* Drops @items from the plan when none had anything to send. */
gboolean  kz_sync_skip_upload           (KzStore    *store,
                                         GPtrArray  *items,
                                         GError    **error);

G_END_DECLS
