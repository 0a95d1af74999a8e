/* kz-server-auth.c
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

#define G_LOG_DOMAIN "kz-server-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "kz-server-auth.h"
#include "kz-server-error.h"

#define TOKEN_BYTES    32
#define TOKEN_VARIANT  sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define TOKEN_CHARS    (sodium_base64_ENCODED_LEN (TOKEN_BYTES, TOKEN_VARIANT) - 1)
#define NAME_MAX_BYTES 64

gboolean
kz_server_auth_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INTERNAL,
                   _("The cryptography library could not be initialised."));
      return FALSE;
    }

  return TRUE;
}

char *
kz_server_auth_hash_password (const char  *password,
                              GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INTERNAL,
                   _("Not enough memory to hash the password."));
      return NULL;
    }

  return g_strdup (hash);
}

static gpointer
make_dummy_hash (gpointer data)
{
  guint8 random[16];
  char text[sodium_base64_ENCODED_LEN (sizeof random, TOKEN_VARIANT)];

  randombytes_buf (random, sizeof random);
  sodium_bin2base64 (text, sizeof text, random, sizeof random, TOKEN_VARIANT);
  return kz_server_auth_hash_password (text, NULL);
}

gboolean
kz_server_auth_verify_password (const char *hash,
                                const char *password)
{
  static GOnce dummy = G_ONCE_INIT;
  gboolean known = hash != NULL;

  g_return_val_if_fail (password != NULL, FALSE);

  if (!known)
    hash = g_once (&dummy, make_dummy_hash, NULL);
  if (hash == NULL)
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0 && known;
}

static gboolean
name_char_ok (gunichar c)
{
  return g_unichar_isalnum (c) || c == '.' || c == '_' || c == '-' || c == '@';
}

gboolean
kz_server_auth_check_name (const char  *name,
                           GError     **error)
{
  gsize len = name ? strlen (name) : 0;
  gboolean ok = len > 0 && len <= NAME_MAX_BYTES && g_utf8_validate (name, -1, NULL) &&
                name[0] != '-';

  for (const char *p = name; ok && *p; p = g_utf8_next_char (p))
    ok = name_char_ok (g_utf8_get_char (p));

  if (!ok)
    g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                 _("A user name has 1 to %d letters, digits and the characters “. _ - @”, "
                   "and does not start with “-”."), NAME_MAX_BYTES);
  return ok;
}

gboolean
kz_server_auth_check_password (const char  *password,
                               GError     **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < KZ_SERVER_PASSWORD_MIN_CHARS)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                   _("A password needs at least %d characters."), KZ_SERVER_PASSWORD_MIN_CHARS);
      return FALSE;
    }

  if (strlen (password) > KZ_SERVER_PASSWORD_MAX_BYTES)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                   _("A password may have at most %d bytes."), KZ_SERVER_PASSWORD_MAX_BYTES);
      return FALSE;
    }

  return TRUE;
}

/* Tokens */

static void
hash_bytes (const guint8 *bytes,
            guint8       *hash)
{
  crypto_generichash (hash, KZ_SERVER_TOKEN_HASH_SIZE, bytes, TOKEN_BYTES, NULL, 0);
}

char *
kz_server_auth_new_token (guint8 *hash)
{
  guint8 bytes[TOKEN_BYTES];
  char text[TOKEN_CHARS + 1];

  g_return_val_if_fail (hash != NULL, NULL);

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes, TOKEN_VARIANT);
  hash_bytes (bytes, hash);
  sodium_memzero (bytes, sizeof bytes);

  return g_strdup (text);
}

gboolean
kz_server_auth_hash_token (const char *token,
                           guint8     *hash)
{
  guint8 bytes[TOKEN_BYTES];
  size_t len = 0;

  g_return_val_if_fail (hash != NULL, FALSE);

  if (token == NULL || strlen (token) != TOKEN_CHARS ||
      sodium_base642bin (bytes, sizeof bytes, token, TOKEN_CHARS, NULL, &len, NULL,
                         TOKEN_VARIANT) != 0 ||
      len != TOKEN_BYTES)
    return FALSE;

  hash_bytes (bytes, hash);
  sodium_memzero (bytes, sizeof bytes);
  return TRUE;
}

gboolean
kz_server_auth_parse_bearer (const char *authorization,
                             guint8     *hash)
{
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return FALSE;

  authorization += 7;
  while (*authorization == ' ')
    authorization++;

  return kz_server_auth_hash_token (authorization, hash);
}

/* Transactions around the storage */

static gboolean
finish (KzServerStorage  *storage,
        gboolean          ok,
        GError          **error)
{
  if (ok)
    return kz_server_storage_commit (storage, error);

  kz_server_storage_rollback (storage);
  return FALSE;
}

gboolean
kz_server_auth_issue_token (KzServerStorage     *storage,
                            const KzServerUser  *user,
                            gint64               lifetime,
                            char               **token,
                            gint64              *expires,
                            GError             **error)
{
  guint8 hash[KZ_SERVER_TOKEN_HASH_SIZE];
  g_autofree char *text = kz_server_auth_new_token (hash);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok;

  if (!kz_server_storage_begin (storage, TRUE, error))
    return FALSE;

  ok = kz_server_storage_purge_tokens (storage, now, error) &&
       kz_server_storage_add_token (storage, hash, user->id, now, now + lifetime, error);
  if (!finish (storage, ok, error))
    return FALSE;

  *token = g_steal_pointer (&text);
  *expires = now + lifetime;
  return TRUE;
}

static gboolean
unauthorized (GError **error)
{
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_UNAUTHORIZED,
               _("A valid login token is needed (Authorization: Bearer …). "
                 "It may have expired or been revoked: log in again."));
  return FALSE;
}

KzServerUser *
kz_server_auth_authenticate (KzServerStorage  *storage,
                             const char       *authorization,
                             GError          **error)
{
  g_autoptr(KzServerUser) user = NULL;
  guint8 hash[KZ_SERVER_TOKEN_HASH_SIZE];
  gboolean ok;

  if (!kz_server_auth_parse_bearer (authorization, hash))
    {
      unauthorized (error);
      return NULL;
    }

  if (!kz_server_storage_begin (storage, FALSE, error))
    return NULL;

  ok = kz_server_storage_lookup_token (storage, hash, g_get_real_time () / G_USEC_PER_SEC,
                                       &user, error);
  if (!finish (storage, ok, error))
    return NULL;

  if (user == NULL)
    {
      unauthorized (error);
      return NULL;
    }

  return g_steal_pointer (&user);
}

gboolean
kz_server_auth_logout (KzServerStorage  *storage,
                       const char       *authorization,
                       GError          **error)
{
  guint8 hash[KZ_SERVER_TOKEN_HASH_SIZE];
  gboolean ok;

  if (!kz_server_auth_parse_bearer (authorization, hash))
    return unauthorized (error);

  if (!kz_server_storage_begin (storage, TRUE, error))
    return FALSE;

  ok = kz_server_storage_revoke_token (storage, hash, g_get_real_time () / G_USEC_PER_SEC, error);
  return finish (storage, ok, error);
}

/* Administration */

static gboolean
no_such_user (const char  *name,
              GError     **error)
{
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_NOT_FOUND,
               _("There is no user “%s”."), name);
  return FALSE;
}

gboolean
kz_server_auth_add_user (KzServerStorage  *storage,
                         const char       *name,
                         KzRole            role,
                         const char       *password,
                         GError          **error)
{
  g_autofree char *hash = NULL;
  gboolean ok;

  if (!kz_server_auth_check_name (name, error) ||
      !kz_server_auth_check_password (password, error) ||
      !(hash = kz_server_auth_hash_password (password, error)))
    return FALSE;

  if (!kz_server_storage_begin (storage, TRUE, error))
    return FALSE;

  ok = kz_server_storage_add_user (storage, name, role, hash,
                                   g_get_real_time () / G_USEC_PER_SEC, error);
  return finish (storage, ok, error);
}

/* Looks the user up in an open transaction. */
static gboolean
find_user (KzServerStorage  *storage,
           const char       *name,
           KzServerUser    **user,
           GError          **error)
{
  if (!kz_server_storage_get_user (storage, name, user, error))
    return FALSE;

  if (*user == NULL)
    return no_such_user (name, error);

  return TRUE;
}

gboolean
kz_server_auth_set_password (KzServerStorage  *storage,
                             const char       *name,
                             const char       *password,
                             GError          **error)
{
  g_autoptr(KzServerUser) user = NULL;
  g_autofree char *hash = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok;

  if (!kz_server_auth_check_password (password, error) ||
      !(hash = kz_server_auth_hash_password (password, error)))
    return FALSE;

  if (!kz_server_storage_begin (storage, TRUE, error))
    return FALSE;

  ok = find_user (storage, name, &user, error) &&
       kz_server_storage_set_password (storage, user->id, hash, error) &&
       kz_server_storage_revoke_tokens (storage, user->id, now, error);
  return finish (storage, ok, error);
}

gboolean
kz_server_auth_remove_user (KzServerStorage  *storage,
                            const char       *name,
                            GError          **error)
{
  g_autoptr(KzServerUser) user = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok;

  if (!kz_server_storage_begin (storage, TRUE, error))
    return FALSE;

  /* Revoked first, so that nothing depends on the cascade alone. */
  ok = find_user (storage, name, &user, error) &&
       kz_server_storage_revoke_tokens (storage, user->id, now, error) &&
       kz_server_storage_remove_user (storage, user->id, error);
  return finish (storage, ok, error);
}

GPtrArray *
kz_server_auth_list_users (KzServerStorage  *storage,
                           GError          **error)
{
  g_autoptr(GPtrArray) users = NULL;
  gboolean ok;

  if (!kz_server_storage_begin (storage, FALSE, error))
    return NULL;

  ok = kz_server_storage_list_users (storage, &users, error);
  if (!finish (storage, ok, error))
    return NULL;

  return g_steal_pointer (&users);
}
