/* kz-exchange.h
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

/* Import, export, reports: what moves a portfolio in and out of other
 * programs.  Every long operation takes a #KzProgressFunc and a
 * #GCancellable, reports failures through #GError with translated
 * messages, and writes files through a temporary file that is renamed
 * only once it is complete, so that a failed or cancelled export never
 * leaves a half-written file behind (and never damages an older file of
 * the same name). */

#define KZ_EXCHANGE_ERROR (kz_exchange_error_quark ())

typedef enum
{
  KZ_EXCHANGE_ERROR_FAILED,       /* writing or reading failed */
  KZ_EXCHANGE_ERROR_EMPTY,        /* nothing to import: empty or header only */
  KZ_EXCHANGE_ERROR_NOT_TEXT,     /* binary data, NUL bytes, unknown encoding */
  KZ_EXCHANGE_ERROR_TOO_LARGE,    /* file, column count or field over a limit */
  KZ_EXCHANGE_ERROR_PARSE,        /* malformed CSV, such as an unclosed quote */
  KZ_EXCHANGE_ERROR_MAPPING,      /* no column for the name or title, unknown field */
  KZ_EXCHANGE_ERROR_REJECTED,     /* strict import: some rows were rejected */
  KZ_EXCHANGE_ERROR_UNSUPPORTED,  /* this kind of record cannot be imported */
} KzExchangeError;

/**
 * KzProgressFunc:
 * @message: (nullable): what is being done, translated
 * @fraction: 0.0 to 1.0
 * @user_data: closure
 *
 * Called on the thread that runs the operation, often enough for a
 * progress bar but not for every row.  A UI running the operation in a
 * worker thread must hand the values over to its main loop itself.
 */
typedef void (*KzProgressFunc) (const char *message,
                                double      fraction,
                                gpointer    user_data);

GQuark kz_exchange_error_quark (void);

G_END_DECLS
