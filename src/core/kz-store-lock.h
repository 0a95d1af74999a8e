/* kz-store-lock.h
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

#include <glib-object.h>

G_BEGIN_DECLS

/* One application instance per portfolio.  An advisory lock (flock) on
 * a file next to the database, "<database>.lock", held as long as the
 * object lives; the kernel also drops it when the process dies.  It is
 * a lock of its own, on its own file, so that it never meets SQLite's
 * POSIX locks on the database: kompetenz-cli, which does not take it,
 * keeps sharing the portfolio with the application through SQLite. */

#define KZ_TYPE_STORE_LOCK (kz_store_lock_get_type ())

G_DECLARE_FINAL_TYPE (KzStoreLock, kz_store_lock, KZ, STORE_LOCK, GObject)

/* Takes the lock of the portfolio at @path without waiting; fails with
 * KZ_STORE_ERROR_IN_USE when another process holds it.  Neither creates
 * nor touches the database itself. */
KzStoreLock *kz_store_lock_acquire       (const char   *path,
                                          GError      **error);
const char  *kz_store_lock_get_path      (KzStoreLock  *self);

G_END_DECLS
