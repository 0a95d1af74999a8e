/* kz-sync-account.h
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

/* The sync account of a portfolio, shared by the app and the command
 * line: $XDG_CONFIG_HOME/kompetenz/sync.ini, one group per database
 * path (URI-escaped when the path holds brackets or line ends):
 *
 *   [/home/anna/.local/share/kompetenz/portfolio.db]
 *   url=https://sync.example.org:8470
 *   user=anna
 *   last-sync=2026-11-23T10:00:00Z
 *   trusted-certificate=-----BEGIN CERTIFICATE-----\n…
 *
 * The token is never kept there: it lives in the keyring. */

typedef struct
{
  char *url;
  char *user;
  char *last_sync;             /* ISO 8601, or NULL */
  char *trusted_certificate;   /* PEM the user chose to trust, or NULL */
} KzSyncAccount;

void             kz_sync_account_clear            (KzSyncAccount        *account);
char            *kz_sync_account_file             (void);
/* Missing file or group: an empty account, no error. */
gboolean         kz_sync_account_load             (const char           *database,
                                                   KzSyncAccount        *account,
                                                   GError              **error);
/* Writes the account's keys, removing those that are NULL, and keeps
 * every other group and key of the file. */
gboolean         kz_sync_account_save             (const char           *database,
                                                   const KzSyncAccount  *account,
                                                   GError              **error);

/* The trusted certificate parsed, or NULL (also when the PEM is broken). */
GTlsCertificate *kz_sync_account_dup_certificate  (const KzSyncAccount  *account);
/* The current time in the form of last-sync. */
char            *kz_sync_account_now              (void);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzSyncAccount, kz_sync_account_clear)

G_END_DECLS
