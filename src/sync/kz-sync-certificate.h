/* kz-sync-certificate.h
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

/* Connects to @url and returns the certificate the server presents,
 * trusted or not, so that the user can decide about it.  Nothing is
 * sent but the TLS handshake's request. */
void             kz_sync_fetch_certificate_async  (const char           *url,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GTlsCertificate *kz_sync_fetch_certificate_finish (GAsyncResult         *result,
                                                   GError              **error);

/* "AB:CD:…", the SHA-256 of the certificate's DER form. */
char            *kz_sync_certificate_fingerprint  (GTlsCertificate      *certificate);

G_END_DECLS
