/* kz-server-limiter.c
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

#include "kz-server-limiter.h"

/* Keeps memory bounded when many names or addresses are tried. */
#define MAX_ENTRIES 65536

struct _KzLoginLimiter
{
  GHashTable *entries;       /* "user\naddress" -> GArray of gint64 failure times */
  guint       max_failures;
  gint64      window;        /* seconds */
};

KzLoginLimiter *
kz_login_limiter_new (guint  max_failures,
                      gint64 window)
{
  KzLoginLimiter *self = g_new0 (KzLoginLimiter, 1);

  g_return_val_if_fail (max_failures > 0, NULL);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)g_array_unref);
  self->max_failures = max_failures;
  self->window = window;
  return self;
}

void
kz_login_limiter_free (KzLoginLimiter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_free (self);
}

/* Besides each pair of user name and address, every user name (from
 * any address) and every address (for any name) may fail BROAD_FACTOR
 * times as often: spraying passwords over many names from one address,
 * or at one name from many addresses, is limited too, while one user's
 * typos never lock out the others. */
#define BROAD_FACTOR 5

typedef enum { SCOPE_PAIR, SCOPE_USER, SCOPE_ADDRESS } Scope;

static char *
make_key (Scope       scope,
          const char *user,
          const char *address)
{
  user = user ? user : "";
  address = address ? address : "";

  switch (scope)
    {
    case SCOPE_USER:
      return g_strconcat ("u\n", user, NULL);
    case SCOPE_ADDRESS:
      return g_strconcat ("a\n", address, NULL);
    case SCOPE_PAIR:
    default:
      return g_strconcat ("p\n", user, "\n", address, NULL);
    }
}

static guint
scope_limit (KzLoginLimiter *self,
             Scope           scope)
{
  return scope == SCOPE_PAIR ? self->max_failures : self->max_failures * BROAD_FACTOR;
}

/* Drops the failures that left the window. */
static void
expire (KzLoginLimiter *self,
        GArray         *times,
        gint64          now)
{
  guint old = 0;

  while (old < times->len && g_array_index (times, gint64, old) <= now - self->window)
    old++;
  g_array_remove_range (times, 0, old);
}

static gboolean
expire_entry_cb (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  gpointer *args = user_data;

  expire (args[0], value, *(gint64 *)args[1]);
  return ((GArray *)value)->len == 0;
}

static gboolean
check_scope (KzLoginLimiter *self,
             Scope           scope,
             const char     *user,
             const char     *address,
             gint64          now,
             gint64         *retry_after)
{
  g_autofree char *key = make_key (scope, user, address);
  GArray *times = g_hash_table_lookup (self->entries, key);
  guint limit = scope_limit (self, scope);

  if (times == NULL)
    return TRUE;

  expire (self, times, now);
  if (times->len < limit)
    return TRUE;

  if (retry_after != NULL)
    *retry_after = MAX (1, g_array_index (times, gint64, times->len - limit) + self->window - now);
  return FALSE;
}

gboolean
kz_login_limiter_check (KzLoginLimiter *self,
                        const char     *user,
                        const char     *address,
                        gint64          now,
                        gint64         *retry_after)
{
  return check_scope (self, SCOPE_PAIR, user, address, now, retry_after) &&
         check_scope (self, SCOPE_USER, user, address, now, retry_after) &&
         check_scope (self, SCOPE_ADDRESS, user, address, now, retry_after);
}

static void
fail_scope (KzLoginLimiter *self,
            Scope           scope,
            const char     *user,
            const char     *address,
            gint64          now)
{
  g_autofree char *key = make_key (scope, user, address);
  GArray *times = g_hash_table_lookup (self->entries, key);

  if (times == NULL)
    {
      if (g_hash_table_size (self->entries) >= MAX_ENTRIES)
        {
          gpointer args[] = { self, &now };

          g_hash_table_foreach_remove (self->entries, expire_entry_cb, args);
        }
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->entries, g_steal_pointer (&key), times);
    }

  g_array_append_val (times, now);
  if (times->len > scope_limit (self, scope))
    g_array_remove_index (times, 0);
}

void
kz_login_limiter_fail (KzLoginLimiter *self,
                       const char     *user,
                       const char     *address,
                       gint64          now)
{
  fail_scope (self, SCOPE_PAIR, user, address, now);
  fail_scope (self, SCOPE_USER, user, address, now);
  fail_scope (self, SCOPE_ADDRESS, user, address, now);
}

void
kz_login_limiter_reset (KzLoginLimiter *self,
                        const char     *user,
                        const char     *address)
{
  g_autofree char *key = make_key (SCOPE_PAIR, user, address);

  /* Only the pair: the broader counts are someone else's failures too. */
  g_hash_table_remove (self->entries, key);
}
