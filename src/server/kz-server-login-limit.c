/* kz-server-login-limit.c
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

#define G_LOG_DOMAIN "kz-server"

#include "config.h"

#include "kz-server-private.h"

/* Counting failed logins: in the database when the storage keeps
 * them (PostgreSQL, shared by every server process on it), else in
 * this process's KzLoginLimiter.  Should the database fail, the
 * process falls back on its own count rather than on no limit. */

static gboolean
count_failures (KzServerStorage  *storage,
                const char       *user,
                const char       *address,
                gint64            now,
                guint            *count,
                gint64           *oldest,
                GError          **error)
{
  gboolean ok;

  if (!kz_server_storage_begin (storage, FALSE, error))
    return FALSE;

  ok = kz_server_storage_count_login_failures (storage, user, address,
                                               now - KZ_SERVER_LOGIN_WINDOW, count, oldest, error);
  if (!ok || !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return FALSE;
    }

  return TRUE;
}

gboolean
_kz_server_login_allowed (KzServer   *self,
                          const char *user,
                          const char *address,
                          gint64      now,
                          gint64     *retry_after)
{
  g_autoptr(GError) error = NULL;
  gint64 oldest = 0;
  guint count = 0;

  if (!kz_server_storage_keeps_login_failures (self->storage))
    return kz_login_limiter_check (self->limiter, user, address, now, retry_after);

  if (!count_failures (self->storage, user, address, now, &count, &oldest, &error))
    {
      g_warning ("Counting failed logins: %s", error->message);
      return kz_login_limiter_check (self->limiter, user, address, now, retry_after);
    }

  if (count < KZ_SERVER_LOGIN_FAILURES)
    return TRUE;

  *retry_after = MAX (1, oldest + KZ_SERVER_LOGIN_WINDOW - now);
  return FALSE;
}

static gboolean
write_failures (KzServerStorage  *storage,
                const char       *user,
                const char       *address,
                gint64            now,
                gboolean          failed,
                GError          **error)
{
  gboolean ok;

  if (!kz_server_storage_begin (storage, TRUE, error))
    return FALSE;

  if (failed)
    ok = kz_server_storage_add_login_failure (storage, user, address, now,
                                              now - KZ_SERVER_LOGIN_WINDOW, error);
  else
    ok = kz_server_storage_clear_login_failures (storage, user, address, error);

  if (!ok || !kz_server_storage_commit (storage, error))
    {
      kz_server_storage_rollback (storage);
      return FALSE;
    }

  return TRUE;
}

/* After a password check: @failed counts, a success clears the count. */
void
_kz_server_login_note (KzServer   *self,
                       const char *user,
                       const char *address,
                       gint64      now,
                       gboolean    failed)
{
  g_autoptr(GError) error = NULL;

  /* The process's own count always goes on, for when the database
   * cannot be asked. */
  if (failed)
    kz_login_limiter_fail (self->limiter, user, address, now);
  else
    kz_login_limiter_reset (self->limiter, user, address);

  if (kz_server_storage_keeps_login_failures (self->storage) &&
      !write_failures (self->storage, user, address, now, failed, &error))
    g_warning ("Noting a login: %s", error->message);
}
