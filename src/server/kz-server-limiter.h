/* kz-server-limiter.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Counts failed logins in a sliding window: at most @max_failures per
 * user name and client address, and five times as many per user name
 * (from any address) and per address (for any name). */

typedef struct _KzLoginLimiter KzLoginLimiter;

KzLoginLimiter *kz_login_limiter_new   (guint            max_failures,
                                        gint64           window);
void            kz_login_limiter_free  (KzLoginLimiter  *self);
/* TRUE when a login may be tried at @now; else *retry_after gets the
 * seconds until it may. */
gboolean        kz_login_limiter_check (KzLoginLimiter  *self,
                                        const char      *user,
                                        const char      *address,
                                        gint64           now,
                                        gint64          *retry_after);
void            kz_login_limiter_fail  (KzLoginLimiter  *self,
                                        const char      *user,
                                        const char      *address,
                                        gint64           now);
void            kz_login_limiter_reset (KzLoginLimiter  *self,
                                        const char      *user,
                                        const char      *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzLoginLimiter, kz_login_limiter_free)

G_END_DECLS
