package dev.keyward.http.internal;

/** Registers the codecs of every group beyond {@code keys.*}. */
final class Registry {
  private Registry() {}

  static void registerAll() {
    WireCodec.register(ApiCodecs.CREATE_API);
    WireCodec.register(ApiCodecs.GET_API);
    WireCodec.register(ApiCodecs.LIST_KEYS);
    WireCodec.register(ApiCodecs.DELETE_API);
    WireCodec.register(PermissionCodecs.CREATE_PERMISSION);
    WireCodec.register(PermissionCodecs.GET_PERMISSION);
    WireCodec.register(PermissionCodecs.LIST_PERMISSIONS);
    WireCodec.register(PermissionCodecs.DELETE_PERMISSION);
    WireCodec.register(PermissionCodecs.CREATE_ROLE);
    WireCodec.register(PermissionCodecs.GET_ROLE);
    WireCodec.register(PermissionCodecs.LIST_ROLES);
    WireCodec.register(PermissionCodecs.DELETE_ROLE);
    WireCodec.register(PermissionCodecs.SET_ROLE_PERMISSIONS);
    WireCodec.register(IdentityCodecs.CREATE_IDENTITY);
    WireCodec.register(IdentityCodecs.GET_IDENTITY);
    WireCodec.register(IdentityCodecs.LIST_IDENTITIES);
    WireCodec.register(IdentityCodecs.UPDATE_IDENTITY);
    WireCodec.register(IdentityCodecs.DELETE_IDENTITY);
    WireCodec.register(RatelimitCodecs.LIMIT);
    WireCodec.register(RatelimitCodecs.MULTI_LIMIT);
    WireCodec.register(RatelimitCodecs.SET_OVERRIDE);
    WireCodec.register(RatelimitCodecs.GET_OVERRIDE);
    WireCodec.register(RatelimitCodecs.LIST_OVERRIDES);
    WireCodec.register(RatelimitCodecs.DELETE_OVERRIDE);
    WireCodec.register(AnalyticsCodecs.GET_VERIFICATIONS);
    WireCodec.register(RootKeyCodecs.CREATE_ROOT_KEY);
    WireCodec.register(RootKeyCodecs.GET_ROOT_KEY);
    WireCodec.register(RootKeyCodecs.LIST_ROOT_KEYS);
    WireCodec.register(RootKeyCodecs.UPDATE_ROOT_KEY);
    WireCodec.register(RootKeyCodecs.REROLL_ROOT_KEY);
    WireCodec.register(RootKeyCodecs.DELETE_ROOT_KEY);
  }
}
