/**
 * `--help` texts of docker 27's pull, push, login and logout (cobra layout: the usage column at
 * the longest flag + 3).
 */
export const PULL_USAGE = `
Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]

Download an image from a registry

Aliases:
  docker image pull, docker pull

Options:
  -a, --all-tags                Download all tagged images in the repository
      --disable-content-trust   Skip image verification (default true)
      --platform string         Set platform if server is multi-platform capable
  -q, --quiet                   Suppress verbose output
`.slice(1);

export const PUSH_USAGE = `
Usage:  docker push [OPTIONS] NAME[:TAG]

Upload an image to a registry

Aliases:
  docker image push, docker push

Options:
  -a, --all-tags                Push all tags of an image to the repository
      --disable-content-trust   Skip image signing (default true)
      --platform string         Push a platform-specific manifest as a single-platform image to the registry.
                                Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
                                'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)
  -q, --quiet                   Suppress verbose output
`.slice(1);

export const LOGIN_USAGE = `
Usage:  docker login [OPTIONS] [SERVER]

Log in to a registry.
If no server is specified, the default is defined by the daemon.

Options:
  -p, --password string   Password
      --password-stdin    Take the password from stdin
  -u, --username string   Username
`.slice(1);

export const LOGOUT_USAGE = `
Usage:  docker logout [SERVER]

Log out from a registry.
If no server is specified, the default is defined by the daemon.
`.slice(1);
