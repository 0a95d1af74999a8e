/* kz-server-error.c
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

#include "kz-server-error.h"

G_DEFINE_QUARK (kz-server-error-quark, kz_server_error)

typedef struct
{
  guint       status;
  const char *code;
} ErrorInfo;

static const ErrorInfo infos[] = {
  [KZ_SERVER_ERROR_BAD_REQUEST]        = { 400, "bad_request" },
  [KZ_SERVER_ERROR_UNAUTHORIZED]       = { 401, "unauthorized" },
  [KZ_SERVER_ERROR_FORBIDDEN]          = { 403, "forbidden" },
  [KZ_SERVER_ERROR_NOT_FOUND]          = { 404, "not_found" },
  [KZ_SERVER_ERROR_METHOD_NOT_ALLOWED] = { 405, "method_not_allowed" },
  [KZ_SERVER_ERROR_CONFLICT]           = { 409, "conflict" },
  [KZ_SERVER_ERROR_TOO_LARGE]          = { 413, "too_large" },
  [KZ_SERVER_ERROR_TOO_MANY_REQUESTS]  = { 429, "too_many_requests" },
  [KZ_SERVER_ERROR_INTERNAL]           = { 500, "internal" },
  [KZ_SERVER_ERROR_STORAGE]            = { 500, "internal" },
  [KZ_SERVER_ERROR_EXISTS]             = { 409, "conflict" },
  [KZ_SERVER_ERROR_INVALID]            = { 400, "bad_request" },
};

static const ErrorInfo *
lookup (const GError *error)
{
  if (error != NULL && error->domain == KZ_SERVER_ERROR &&
      error->code >= 0 && error->code < (int)G_N_ELEMENTS (infos))
    return &infos[error->code];

  return &infos[KZ_SERVER_ERROR_INTERNAL];
}

guint
kz_server_error_status (const GError *error)
{
  return lookup (error)->status;
}

const char *
kz_server_error_code (const GError *error)
{
  return lookup (error)->code;
}
