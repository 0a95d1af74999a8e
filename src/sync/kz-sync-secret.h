/* kz-sync-secret.h
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

G_BEGIN_DECLS

/* The sync token lives in the user's keyring (libsecret), never in a
 * file or in GSettings.  One token per server address and user. */

gboolean kz_sync_secret_store  (const char    *url,
                                const char    *user,
                                const char    *token,
                                GCancellable  *cancellable,
                                GError       **error);
/* Returns NULL without an error when there is no token. */
char    *kz_sync_secret_lookup (const char    *url,
                                const char    *user,
                                GCancellable  *cancellable,
                                GError       **error);
gboolean kz_sync_secret_clear  (const char    *url,
                                const char    *user,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
