/**
 * `--help` texts. Since Docker 23 `docker build` is buildx's `build` (the CLI aliases it), so
 * `docker build --help` prints buildx's usage; with DOCKER_BUILDKIT=0 the legacy builder's. The
 * option lists name what Layerlab models, in Docker's words and order.
 */

export const BUILDX_BUILD_USAGE = `Usage:  docker buildx build [OPTIONS] PATH | URL | -

Start a build

Aliases:
  docker buildx build, docker builder build, docker image build, docker buildx b

Options:
      --build-arg stringArray   Set build-time variables
      --builder string          Override the configured builder instance
  -f, --file string             Name of the Dockerfile (default: "PATH/Dockerfile")
      --label stringArray       Set metadata for an image
      --load                    Shorthand for "--output=type=docker"
      --no-cache                Do not use cache when building the image
  -o, --output stringArray      Output destination (format: "type=local,dest=path")
      --platform stringArray    Set target platform for build
      --progress string         Set type of progress output ("auto", "quiet", "plain", "tty",
                                "rawjson"). Use plain to show container output (default "auto")
      --pull                    Always attempt to pull all referenced images
      --push                    Shorthand for "--output=type=registry"
  -q, --quiet                   Suppress the build output and print image ID on success
  -t, --tag stringArray         Name and optionally a tag (format: "name:tag")
      --target string           Set the target build stage to build
`;

export const LEGACY_BUILD_USAGE = `Usage:  docker build [OPTIONS] PATH | URL | -

Build an image from a Dockerfile

Aliases:
  docker image build, docker build, docker builder build

Options:
      --build-arg list          Set build-time variables
  -f, --file string             Name of the Dockerfile (Default is 'PATH/Dockerfile')
      --label list              Set metadata for an image
      --no-cache                Do not use cache when building the image
      --platform string         Set platform if server is multi-platform capable
      --pull                    Always attempt to pull a newer version of the image
  -q, --quiet                   Suppress the build output and print image ID on success
      --rm                      Remove intermediate containers after a successful build (default true)
  -t, --tag list                Name and optionally a tag in the 'name:tag' format
      --target string           Set the target build stage to build.
`;

export const BUILDX_CREATE_USAGE = `Usage:  docker buildx create [OPTIONS] [CONTEXT|ENDPOINT]

Create a new builder instance

Options:
      --bootstrap                Boot builder after creation
      --buildkitd-flags string   BuildKit daemon flags
      --driver string            Driver to use (available: "docker-container")
      --driver-opt stringArray   Options for the driver
      --name string              Builder instance name
      --platform stringArray     Fixed platforms for current node
      --use                      Set the current builder instance
`;

export const BUILDX_USE_USAGE = `Usage:  docker buildx use [OPTIONS] NAME

Set the current builder instance

Options:
      --default   Set builder as default for current context
      --global    Builder persists context changes
`;

export const BUILDX_LS_USAGE = `Usage:  docker buildx ls

List builder instances

Options:
      --format string   Format the output (default "table")
      --no-trunc        Don't truncate output
`;

export const BUILDX_INSPECT_USAGE = `Usage:  docker buildx inspect [NAME]

Inspect current builder instance

Options:
      --bootstrap   Ensure builder has booted before inspecting
`;

export const BUILDX_RM_USAGE = `Usage:  docker buildx rm [OPTIONS] [NAME...]

Remove one or more builder instances

Options:
  -f, --force         Do not prompt for confirmation
      --keep-daemon   Keep the BuildKit daemon running
      --keep-state    Keep BuildKit state
`;
