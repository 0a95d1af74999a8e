/* kz-store-lock.c
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

#define G_LOG_DOMAIN "kz-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kz-store.h"
#include "kz-store-lock.h"

struct _KzStoreLock
{
  GObject  parent_instance;

  char    *path;   /* the lock file */
  int      fd;
};

G_DEFINE_FINAL_TYPE (KzStoreLock, kz_store_lock, G_TYPE_OBJECT)

static void
kz_store_lock_finalize (GObject *object)
{
  KzStoreLock *self = (KzStoreLock *)object;

  /* Closing the only descriptor of the lock file releases the lock.
   * The file stays: removing it would race with a process about to
   * lock it. */
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_free (self->path);

  G_OBJECT_CLASS (kz_store_lock_parent_class)->finalize (object);
}

static void
kz_store_lock_class_init (KzStoreLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_store_lock_finalize;
}

static void
kz_store_lock_init (KzStoreLock *self)
{
  self->fd = -1;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *database)
{
  g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN,
               /* Translators: %s is a file, then the system's reason */
               _("Could not open the portfolio “%s”: %s"), database, g_strerror (saved_errno));
  return FALSE;
}

KzStoreLock *
kz_store_lock_acquire (const char  *path,
                       GError     **error)
{
  g_autoptr(KzStoreLock) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KZ_TYPE_STORE_LOCK, NULL);
  self->path = g_strconcat (path, ".lock", NULL);
  self->fd = g_open (self->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (self->fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  while (flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;
      if (saved_errno == EWOULDBLOCK)
        {
          g_set_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_IN_USE,
                       _("The portfolio “%s” is already open in another Kompetenz window. "
                         "Close it there first, or open a different portfolio."),
                       path);
          return NULL;
        }
      /* A file system without locks: SQLite's own locking still keeps
       * the file consistent, as between the application and the CLI. */
      if (saved_errno == ENOLCK || saved_errno == EOPNOTSUPP || saved_errno == ENOSYS)
        {
          g_debug ("No instance lock on %s: %s", self->path, g_strerror (saved_errno));
          break;
        }
      set_errno_error (error, saved_errno, path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
kz_store_lock_get_path (KzStoreLock *self)
{
  g_return_val_if_fail (KZ_IS_STORE_LOCK (self), NULL);

  return self->path;
}
