/* kz-server-routes.c
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

#include <glib/gi18n-lib.h>

#include "kz-server-auth.h"
#include "kz-server-error.h"
#include "kz-server-json.h"
#include "kz-server-private.h"
#include "kz-server-sync.h"

/* Routing of /api/v1 and the endpoints' glue between HTTP and
 * kz-server-sync.c. */

typedef void (*Handler) (KzServer           *self,
                         SoupServerMessage  *msg,
                         const KzServerUser *user,
                         GHashTable         *query,
                         const char         *arg);

typedef struct
{
  const char         *method;
  const char         *path;       /* a "*" segment matches any one segment */
  gboolean            write;      /* refused to readers */
  const char * const *params;     /* allowed query parameters */
  Handler             handler;    /* NULL: login, which needs no token */
} Route;

static const char * const no_params[] = { NULL };
static const char * const pull_params[] = { "since", "limit", NULL };

static void handle_logout    (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);
static void handle_status    (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);
static void handle_pull      (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);
static void handle_push      (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);
static void handle_upload    (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);
static void handle_conflicts (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);
static void handle_resolve   (KzServer *, SoupServerMessage *, const KzServerUser *, GHashTable *, const char *);

static const Route routes[] = {
  { "POST", "/api/v1/login", FALSE, no_params, NULL },
  { "POST", "/api/v1/logout", FALSE, no_params, handle_logout },
  { "GET", "/api/v1/status", FALSE, no_params, handle_status },
  { "GET", "/api/v1/changes", FALSE, pull_params, handle_pull },
  { "POST", "/api/v1/changes", TRUE, no_params, handle_push },
  { "POST", "/api/v1/records", TRUE, no_params, handle_upload },
  { "GET", "/api/v1/conflicts", FALSE, no_params, handle_conflicts },
  { "POST", "/api/v1/conflicts/*/resolve", TRUE, no_params, handle_resolve },
};

/* Responses */

void
_kz_server_send_json (SoupServerMessage *msg,
                      guint              status,
                      JsonNode          *node)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  gsize length = 0;
  char *data = kz_server_json_to_data (node, &length);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

void
_kz_server_send_error (SoupServerMessage *msg,
                       const GError      *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  guint status = kz_server_error_status (error);
  const char *message = error->message;

  if (status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
    {
      g_warning ("%s %s: %s", soup_server_message_get_method (msg),
                 g_uri_get_path (soup_server_message_get_uri (msg)), error->message);
      message = _("The server could not complete the request; its log has the details.");
    }
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer realm=\"kompetenz\"");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, kz_server_error_code (error));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _kz_server_send_json (msg, status, root);
}

static void
send_result (SoupServerMessage *msg,
             JsonNode          *node,
             const GError      *error)
{
  if (node != NULL)
    _kz_server_send_json (msg, SOUP_STATUS_OK, node);
  else
    _kz_server_send_error (msg, error);
}

void
_kz_server_set_user (SoupServerMessage *msg,
                     const char        *name)
{
  g_object_set_data_full (G_OBJECT (msg), "kz-user", g_strdup (name), g_free);
}

JsonNode *
_kz_server_read_body (SoupServerMessage  *msg,
                      GError            **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;

  if (body->length > KZ_SERVER_MAX_BODY)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_TOO_LARGE,
                   _("A request body may have at most %d MiB."), KZ_SERVER_MAX_BODY >> 20);
      return NULL;
    }

  bytes = soup_message_body_flatten (body);
  return kz_server_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/* Routing */

static gboolean
path_matches (const char  *pattern,
              const char  *path,
              char       **arg)
{
  g_auto(GStrv) want = g_strsplit (pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);
  const char *star = NULL;

  if (g_strv_length (want) != g_strv_length (have))
    return FALSE;

  for (guint i = 0; want[i] != NULL; i++)
    {
      if (g_str_equal (want[i], "*") && have[i][0] != 0)
        star = have[i];
      else if (!g_str_equal (want[i], have[i]))
        return FALSE;
    }

  if (star != NULL)
    {
      g_free (*arg);
      *arg = g_strdup (star);
    }
  return TRUE;
}

/* The route of @path and @method; on 405 the Allow header is set. */
static const Route *
find_route (SoupServerMessage  *msg,
            const char         *path,
            char              **arg,
            GError            **error)
{
  g_autoptr(GString) allowed = g_string_new (NULL);
  const char *method = soup_server_message_get_method (msg);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!path_matches (routes[i].path, path, arg))
        continue;
      if (g_str_equal (routes[i].method, method))
        return &routes[i];
      g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", routes[i].method);
    }

  if (allowed->len > 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", allowed->str);
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_METHOD_NOT_ALLOWED,
                   _("%s takes only %s."), path, allowed->str);
    }
  else
    g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_NOT_FOUND,
                 _("There is nothing at %s."), path);
  return NULL;
}

static gboolean
check_params (const Route  *route,
              GHashTable   *query,
              GError      **error)
{
  GHashTableIter iter;
  gpointer key;

  if (query == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_strv_contains (route->params, key))
        {
          g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                       _("“%s” is not a known parameter of %s."), (const char *)key, route->path);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_access (const Route         *route,
              const KzServerUser  *user,
              GError             **error)
{
  if (route->write && user->role == KZ_ROLE_READER)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_FORBIDDEN,
                   _("The account “%s” may read but not change the portfolio."), user->name);
      return FALSE;
    }

  return TRUE;
}

static const char *
get_authorization (SoupServerMessage *msg)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                       "Authorization");
}

/* Authentication comes before everything but the route itself, so
 * that nobody learns more than the list of endpoints without a token. */
void
_kz_server_handle (SoupServer        *soup,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  KzServer *self = user_data;
  g_autoptr(KzServerUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arg = NULL;
  const Route *route;

  if ((route = find_route (msg, path, &arg, &error)) &&
      route->handler == NULL)
    {
      if (check_params (route, query, &error))
        {
          _kz_server_login (self, msg);
          return;
        }
    }
  else if (route != NULL &&
           (user = kz_server_auth_authenticate (self->storage, get_authorization (msg), &error)))
    {
      _kz_server_set_user (msg, user->name);
      if (check_access (route, user, &error) && check_params (route, query, &error))
        {
          route->handler (self, msg, user, query, arg);
          return;
        }
    }

  _kz_server_send_error (msg, error);
}

/* Endpoints */

static void
handle_logout (KzServer           *self,
               SoupServerMessage  *msg,
               const KzServerUser *user,
               GHashTable         *query,
               const char         *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) empty = json_node_init_object (json_node_alloc (), object);

  if (kz_server_auth_logout (self->storage, get_authorization (msg), &error))
    _kz_server_send_json (msg, SOUP_STATUS_OK, empty);
  else
    _kz_server_send_error (msg, error);
}

static void
handle_status (KzServer           *self,
               SoupServerMessage  *msg,
               const KzServerUser *user,
               GHashTable         *query,
               const char         *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = kz_server_sync_status (self->storage, user, &error);

  send_result (msg, node, error);
}

static gboolean
parse_param (GHashTable  *query,
             const char  *name,
             gint64       min,
             gint64       max,
             gint64      *value,
             GError     **error)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;
  guint64 number;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("“%s” must be a whole number from %s to %s, not “%s”."),
                   name, low, high, text);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

static void
handle_pull (KzServer           *self,
             SoupServerMessage  *msg,
             const KzServerUser *user,
             GHashTable         *query,
             const char         *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 since = 0;
  gint64 limit = KZ_SERVER_PULL_LIMIT;

  if (parse_param (query, "since", 0, G_MAXINT64, &since, &error) &&
      parse_param (query, "limit", 1, KZ_SERVER_PULL_MAX_LIMIT, &limit, &error))
    node = kz_server_sync_pull (self->storage, since, limit, &error);

  send_result (msg, node, error);
}

typedef JsonNode *(*BodyFunc) (KzServerStorage  *storage,
                               const char       *author,
                               JsonNode         *body,
                               GError          **error);

/* A request whose JSON body @func turns into the answer. */
static void
handle_body (KzServer           *self,
             SoupServerMessage  *msg,
             const KzServerUser *user,
             BodyFunc            func)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = _kz_server_read_body (msg, &error);
  g_autoptr(JsonNode) node = NULL;

  if (body != NULL)
    node = func (self->storage, user->name, body, &error);

  send_result (msg, node, error);
}

static void
handle_push (KzServer           *self,
             SoupServerMessage  *msg,
             const KzServerUser *user,
             GHashTable         *query,
             const char         *arg)
{
  handle_body (self, msg, user, kz_server_sync_push);
}

static void
handle_upload (KzServer           *self,
               SoupServerMessage  *msg,
               const KzServerUser *user,
               GHashTable         *query,
               const char         *arg)
{
  handle_body (self, msg, user, kz_server_sync_upload);
}

static void
handle_conflicts (KzServer           *self,
                  SoupServerMessage  *msg,
                  const KzServerUser *user,
                  GHashTable         *query,
                  const char         *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = kz_server_sync_conflicts (self->storage, &error);

  send_result (msg, node, error);
}

static void
handle_resolve (KzServer           *self,
                SoupServerMessage  *msg,
                const KzServerUser *user,
                GHashTable         *query,
                const char         *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = _kz_server_read_body (msg, &error);
  g_autoptr(JsonNode) node = NULL;

  if (body != NULL)
    node = kz_server_sync_resolve (self->storage, user->name, arg, body, &error);

  send_result (msg, node, error);
}
