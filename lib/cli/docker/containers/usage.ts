/** `--help` texts, as docker 27 prints them (trimmed to the options Layerlab models). */
const CREATE_OPTIONS =
  '      --entrypoint string   Overwrite the default ENTRYPOINT of the image\n' +
  '  -e, --env list            Set environment variables\n' +
  '  -i, --interactive         Keep STDIN open even if not attached\n' +
  '  -l, --label list          Set meta data on a container\n' +
  '      --name string         Assign a name to the container\n' +
  '  -p, --publish list        Publish a container\'s port(s) to the host\n' +
  '      --rm                  Automatically remove the container and its associated anonymous volumes when it exits\n' +
  '  -t, --tty                 Allocate a pseudo-TTY\n' +
  '  -u, --user string         Username or UID (format: <name|uid>[:<group|gid>])\n' +
  '  -w, --workdir string      Working directory inside the container\n';

export const RUN_USAGE =
  'Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate and run a new container from an image\n\nAliases:\n  docker container run, docker run\n\nOptions:\n' +
  '  -d, --detach              Run container in background and print container ID\n' +
  CREATE_OPTIONS;
export const CREATE_USAGE = 'Usage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate a new container\n\nAliases:\n  docker container create, docker create\n\nOptions:\n' + CREATE_OPTIONS;
export const PS_USAGE =
  'Usage:  docker ps [OPTIONS]\n\nList containers\n\nAliases:\n  docker container ls, docker container list, docker container ps, docker ps\n\nOptions:\n' +
  '  -a, --all             Show all containers (default shows just running)\n' +
  '  -f, --filter filter   Filter output based on conditions provided\n' +
  "      --format string   Format output using a custom template:\n                        'table':            Print output in table format with column headers (default)\n                        'table TEMPLATE':   Print output in table format using the given Go template\n                        'json':             Print in JSON format\n                        'TEMPLATE':         Print output using the given Go template.\n" +
  '  -n, --last int        Show n last created containers (includes all states) (default -1)\n' +
  '  -l, --latest          Show the latest created container (includes all states)\n' +
  "      --no-trunc        Don't truncate output\n" +
  '  -q, --quiet           Only display container IDs\n' +
  '  -s, --size            Display total file sizes\n';
const simple = (usage: string, text: string, aliases: string, options = '') => `Usage:  docker ${usage}\n\n${text}\n\nAliases:\n  ${aliases}\n${options === '' ? '' : `\nOptions:\n${options}`}`;
export const STOP_USAGE = simple('stop [OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers', 'docker container stop, docker stop', '  -s, --signal string   Signal to send to the container\n  -t, --timeout int     Seconds to wait before killing the container\n');
export const START_USAGE = simple('start [OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers', 'docker container start, docker start', '  -a, --attach        Attach STDOUT/STDERR and forward signals\n  -i, --interactive   Attach container\'s STDIN\n');
export const RESTART_USAGE = simple('restart [OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers', 'docker container restart, docker restart', '  -s, --signal string   Signal to send to the container\n  -t, --timeout int     Seconds to wait before killing the container\n');
export const KILL_USAGE = simple('kill [OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers', 'docker container kill, docker kill', '  -s, --signal string   Signal to send to the container\n');
export const RM_USAGE = simple('rm [OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers', 'docker container rm, docker container remove, docker rm', '  -f, --force     Force the removal of a running container (uses SIGKILL)\n  -l, --link      Remove the specified link\n  -v, --volumes   Remove anonymous volumes associated with the container\n');
export const LOGS_USAGE = simple('logs [OPTIONS] CONTAINER', 'Fetch the logs of a container', 'docker container logs, docker logs', '  -f, --follow         Follow log output\n  -n, --tail string    Number of lines to show from the end of the logs (default "all")\n  -t, --timestamps     Show timestamps\n');
export const EXEC_USAGE = simple(
  'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  'Execute a command in a running container',
  'docker container exec, docker exec',
  '  -d, --detach               Detached mode: run command in the background\n  -e, --env list             Set environment variables\n  -i, --interactive          Keep STDIN open even if not attached\n  -t, --tty                  Allocate a pseudo-TTY\n  -u, --user string          Username or UID (format: "<name|uid>[:<group|gid>]")\n  -w, --workdir string       Working directory inside the container\n',
);
export const COMMIT_USAGE = simple(
  'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  "Create a new image from a container's changes",
  'docker container commit, docker commit',
  '  -a, --author string    Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")\n  -c, --change list      Apply Dockerfile instruction to the created image\n  -m, --message string   Commit message\n  -p, --pause            Pause container during commit (default true)\n',
);
export const EXPORT_USAGE = simple('export [OPTIONS] CONTAINER', "Export a container's filesystem as a tar archive", 'docker container export, docker export', '  -o, --output string   Write to a file, instead of STDOUT\n');
export const INSPECT_USAGE = 'Usage:  docker container inspect [OPTIONS] CONTAINER [CONTAINER...]\n\nDisplay detailed information on one or more containers\n\nOptions:\n  -f, --format string   Format output using a custom template:\n                        \'json\':             Print in JSON format\n                        \'TEMPLATE\':         Print output using the given Go template.\n  -s, --size            Display total file sizes\n';
export const PRUNE_USAGE = 'Usage:  docker container prune [OPTIONS]\n\nRemove all stopped containers\n\nOptions:\n      --filter filter   Provide filter values (e.g. "until=<timestamp>")\n  -f, --force           Do not prompt for confirmation\n';
