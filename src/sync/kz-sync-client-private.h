/* kz-sync-client-private.h
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

#include <libsoup/soup.h>

#include "kz-sync-client.h"

G_BEGIN_DECLS

void          _kz_sync_client_request        (KzSyncClient         *self,
                                              const char           *method,
                                              const char           *path,
                                              const char           *json,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GBytes       *_kz_sync_client_request_finish (KzSyncClient         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void          _kz_sync_client_set_state      (KzSyncClient         *self,
                                              KzSyncState           state,
                                              const GError         *error);
void          _kz_sync_client_set_progress   (KzSyncClient         *self,
                                              double                progress);
void          _kz_sync_client_refresh_counts (KzSyncClient         *self);
gboolean      _kz_sync_client_is_configured  (KzSyncClient         *self,
                                              GError              **error);

G_END_DECLS
