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

static char *
make_key (const char *user,
          const char *address)
{
  return g_strconcat (user ? user : "", "\n", address ? address : "", NULL);
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

gboolean
kz_login_limiter_check (KzLoginLimiter *self,
                        const char     *user,
                        const char     *address,
                        gint64          now,
                        gint64         *retry_after)
{
  g_autofree char *key = make_key (user, address);
  GArray *times = g_hash_table_lookup (self->entries, key);

  if (times == NULL)
    return TRUE;

  expire (self, times, now);
  if (times->len < self->max_failures)
    return TRUE;

  if (retry_after != NULL)
    *retry_after = MAX (1, g_array_index (times, gint64, 0) + self->window - now);
  return FALSE;
}

void
kz_login_limiter_fail (KzLoginLimiter *self,
                       const char     *user,
                       const char     *address,
                       gint64          now)
{
  g_autofree char *key = make_key (user, address);
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
  if (times->len > self->max_failures)
    g_array_remove_index (times, 0);
}

void
kz_login_limiter_reset (KzLoginLimiter *self,
                        const char     *user,
                        const char     *address)
{
  g_autofree char *key = make_key (user, address);

  g_hash_table_remove (self->entries, key);
}
