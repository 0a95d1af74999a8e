/* kz-context.h
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
#include "kz-sync-client.h"

G_BEGIN_DECLS

/* Live records per kind, as counted by kz_context_count_async(). */
typedef struct
{
  guint    kinds[KZ_N_KINDS];
  gboolean empty;             /* kz_store_is_empty() */
} KzCounts;

#define KZ_TYPE_CONTEXT (kz_context_get_type ())

G_DECLARE_FINAL_TYPE (KzContext, kz_context, KZ, CONTEXT, GObject)

/* Signal "changed" (KzContext *context, guint kind): the store changed.
 * Always emitted on the main thread, once per burst of store changes;
 * @kind is KZ_N_KINDS when several kinds (or all) changed. */

KzContext   *kz_context_new             (KzStore              *store,
                                         GSettings            *settings);
KzStore     *kz_context_get_store       (KzContext            *self);
GSettings   *kz_context_get_settings    (KzContext            *self);
/* The store's sync client; disabled until an account is set. */
KzSyncClient *kz_context_get_sync_client (KzContext          *self);
/* Announces a change made behind the store's back, such as a second
 * connection writing demo data; emits "changed" from the main loop. */
void         kz_context_notify_changed  (KzContext            *self,
                                         KzKind                kind);

/* Counts the live records of every kind on a worker thread. */
void         kz_context_count_async     (KzContext            *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* Free the result with g_free(). */
KzCounts    *kz_context_count_finish    (KzContext            *self,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
