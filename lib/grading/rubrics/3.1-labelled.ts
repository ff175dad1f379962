/**
 * The accuracy set for the written answers of lesson 3.1 (issue 7 "Accuracy of written-answer
 * grading"): answers to the three interview questions, each with the score (0..1) a careful
 * instructor gives it. The labels were written before the rubrics and the grader ran on them,
 * and are never changed to fit the grader; a disagreement is a finding, not a label to fix.
 */

export type AnswerCategory = 'correct' | 'partial' | 'negated' | 'keyword-stuffed' | 'off-topic' | 'misspelled' | 'very-short' | 'very-long' | 'misconception';

export interface LabelledAnswer {
  readonly category: AnswerCategory;
  readonly text: string;
  /** The instructor's score as a fraction of the maximum. */
  readonly label: number;
}

const LONG_LAYERS = `A Docker image is not one big file but a stack of layers. When you build from a Dockerfile, every instruction that changes the filesystem, such as RUN, COPY or ADD, produces a new layer that holds only the files that step added, changed or deleted. Instructions like CMD, ENV or EXPOSE only change the image configuration and add no real content. Once a layer is created it is read-only and never changes; it is identified by a sha256 digest of its content. When a container starts, Docker stacks the read-only layers with a union filesystem such as overlay2 and adds a thin writable layer on top, so the container can change files without touching the image.

This design has several benefits. The first is the build cache: when you rebuild, Docker compares each instruction and the files it copies with what it built before. If nothing changed, the existing layer is reused and the step does not run again. As soon as one step changes, that layer and every layer after it are rebuilt. That is why a good Dockerfile copies requirements.txt or package.json and installs dependencies before it copies the source code: changing the code then only rebuilds the last layer, and a rebuild takes seconds instead of minutes.

The second benefit is storage. Images built on the same base image share those base layers, so on a machine with twenty services based on python:3.9 the Python layers are stored only once instead of twenty times.

The third benefit is distribution. When you push or pull, Docker compares layer digests and only transfers the layers the other side does not already have. Updating from version 1.0 to 1.1 of an image usually means downloading one small layer, not the whole image again. Because layers are content addressed, the same digest always means the same bytes, which also makes deployments reproducible.`;

const LONG_OPTIMIZE = `I would start by measuring instead of guessing: docker history and a tool like dive show which layers are big and which files in them are wasted. In a typical 2 GB image the causes are a heavy base image, build tools and compilers, package manager caches, test files and data copied in by COPY . . and unnecessary tools such as vim, nano and wget.

The first change is the base image. Instead of ubuntu with Python installed on top, use python:3.9-slim or python:3.9-alpine, or distroless, which already contain only the runtime. That alone removes hundreds of megabytes.

The second change is a multi-stage build. In a builder stage I install gcc and the other build dependencies, install the Python packages, and run the tests with pytest, so a failing test still fails the build. The final stage starts from the slim or alpine image again and only copies the installed packages and the application code from the builder with COPY --from=builder. Compilers, headers, tests and test dependencies never reach the final image.

Third, I clean up in the same layer that creates the mess. apt-get update and apt-get install run in one RUN instruction with --no-install-recommends, followed by rm -rf /var/lib/apt/lists/*. pip runs with --no-cache-dir and apk with --no-cache. Deleting files in a later RUN does not help, because the earlier layer still contains them.

Fourth, I add a .dockerignore that excludes .git, tests, __pycache__, local virtual environments and large data files, so they are neither sent in the build context nor copied into the image.

Finally I only install production dependencies, not the development ones, and check the result with docker images and docker history again. With these steps the image usually ends up between 100 and 200 MB, and it also builds faster and has a smaller attack surface.`;

const LONG_SAVE_EXPORT = `The two pairs of commands look similar because both produce tar files, but they work on different objects and keep very different information.

docker save works on images. It writes one or more images to a tar archive that contains every layer as its own tarball, the image configuration, the history and the tags (manifest.json and the repositories file). docker load reads that archive back and recreates exactly the same images with the same IDs and the same tags, so docker run works immediately with the original CMD, ENV, WORKDIR and exposed ports. This is what you use to move images to a machine without registry access, for example an air-gapped server, or to back up a specific image version. One detail: if you save by image ID instead of name:tag, the tags are not in the archive.

docker export works on containers, not images. It writes the current filesystem of a container as one flat tar: all layers are merged, including whatever the container changed at run time, but there is no layer structure, no history and no image configuration. docker import takes such a tarball and creates a new image with a single layer. Because the configuration was not exported, the new image has no CMD, ENTRYPOINT, ENV or exposed ports; you have to give a name and restore them yourself with --change, for example --change 'CMD ["python", "app.py"]'. Volumes are not included in the export either.

So the rule of thumb is: save and load to transfer or back up images with all their layers, history and metadata; export and import to flatten a container into a single-layer image or to create a custom base image, accepting that the history and the configuration are lost.`;

export const LAYERS_ANSWERS: readonly LabelledAnswer[] = [
  {
    category: 'correct',
    label: 1,
    text: 'Every instruction in a Dockerfile such as RUN, COPY or ADD creates a new read-only layer that records the filesystem changes of that step, and the image is the stack of these layers, with a thin writable layer added on top when a container runs. Layers are identified by a content hash, so Docker can cache them: when you rebuild, steps whose inputs did not change are reused from the cache, and only the changed step and the ones after it run again. Because layers are shared, images built on the same base store that base only once on disk, and pushing or pulling transfers only the layers the other side does not have yet.',
  },
  {
    category: 'correct',
    label: 0.95,
    text: 'An image is made of stacked layers. Each Dockerfile step adds one layer containing just the files it changed; once built a layer is immutable. Benefits: the build cache (unchanged steps are not executed again, so put rarely changing things like dependency installs before copying source code), storage savings because several images reuse the same base layers instead of keeping copies, and faster downloads since only new layers are pulled.',
  },
  { category: 'partial', label: 0.35, text: 'Docker caches each layer of the build, so when you build again it reuses the layers that did not change and the build is much faster.' },
  { category: 'partial', label: 0.35, text: 'Layers are shared between images. If two images use the same base image, the base layers are stored only once, which saves disk space.' },
  { category: 'partial', label: 0.35, text: 'Each instruction in the Dockerfile creates a layer, and the layers are stacked on top of each other to form the image. The layers are read-only.' },
  {
    category: 'negated',
    label: 0,
    text: 'Layers are not shared between images; each image keeps its own copy of every layer, and the cache is not used when you rebuild, so every build runs all the steps again.',
  },
  { category: 'keyword-stuffed', label: 0.05, text: 'layers cache sharing read-only immutable union filesystem storage efficiency build speed hash digest distribution' },
  { category: 'keyword-stuffed', label: 0.05, text: 'Layers, caching, sharing, read-only, stacked, base image, storage, speed, pull, push.' },
  { category: 'off-topic', label: 0, text: 'Docker containers are lightweight compared to virtual machines because they share the host kernel, and you can start them in seconds with docker run.' },
  {
    category: 'misspelled',
    label: 0.85,
    text: 'Each instrucion in a Dockerfile creates a new layr that is read-only; the layres are stacked to make the image. Docker cahces them, so a rebuild reuses the unchanged layers and is quicker. Images with the same bsae share those layers, storing them only once, and pulls download only missing layers.',
  },
  { category: 'very-short', label: 0.1, text: 'Layers are cached.' },
  { category: 'very-short', label: 0.05, text: 'They make builds faster.' },
  { category: 'very-long', label: 1, text: LONG_LAYERS },
  {
    category: 'misconception',
    label: 0.3,
    text: 'Each instruction creates a layer and the layers are stacked. Layers are writable, so when a container changes a file the image layer itself is modified. Layers are cached to speed up builds.',
  },
  {
    category: 'partial',
    label: 0.6,
    text: 'Docker builds an image as a series of layers, one per instruction. When you rebuild, Docker checks each instruction against its cache; as soon as one instruction or the files it copies changed, that layer and all later layers are rebuilt, while earlier ones come from cache. That is why you copy requirements.txt and install dependencies before copying the rest of the code.',
  },
  {
    category: 'partial',
    label: 0.4,
    text: 'Images are split into layers, and each layer has a digest. When you push or pull an image, only the layers the registry or your machine does not already have are transferred, so updates are fast and use little bandwidth.',
  },
  {
    category: 'correct',
    label: 0.9,
    text: 'A layer never changes after it is built: it is read-only and identified by its hash. Every instruction adds one on top of the previous ones. Since layers do not change, Docker can reuse them from the build cache and share them between images that have the same base, so the base is not downloaded or stored twice.',
  },
  { category: 'off-topic', label: 0, text: 'To build an image run docker build -t myapp . and then push it with docker push to Docker Hub so others can use it.' },
  {
    category: 'negated',
    label: 0.2,
    text: "Each Dockerfile instruction creates a layer. Layers are stacked into the image. But they don't help with speed: Docker doesn't cache layers between builds.",
  },
];

export const OPTIMIZE_ANSWERS: readonly LabelledAnswer[] = [
  {
    category: 'correct',
    label: 1,
    text: "First I'd look at docker history to see which layers are big. Then switch the base from ubuntu to python:3.9-slim or alpine, use a multi-stage build so compilers, build tools and tests stay in the builder stage and only the app and its installed packages are copied into the final image, install with pip --no-cache-dir and apt-get --no-install-recommends, remove /var/lib/apt/lists in the same RUN that installs packages, drop tools like vim and curl, and add a .dockerignore so .git and tests are not copied.",
  },
  {
    category: 'correct',
    label: 0.8,
    text: 'Use a smaller base image such as alpine or a slim variant instead of the full ubuntu image. Use a multi-stage build: compile and run the tests in a builder stage and copy only the built artifacts into the final stage. Clean the package manager cache in the same RUN instruction, for example rm -rf /var/lib/apt/lists/*, and use pip install --no-cache-dir.',
  },
  { category: 'partial', label: 0.3, text: 'I would change the base image to alpine, which is only about 5 MB instead of ubuntu.' },
  { category: 'partial', label: 0.35, text: 'Use a multi-stage build so that the final image only contains the compiled application and not the build tools.' },
  {
    category: 'misconception',
    label: 0.1,
    text: 'Add RUN rm -rf /var/lib/apt/lists/* and delete the build tools in a new RUN instruction at the end of the Dockerfile; that removes the files and shrinks the image.',
  },
  { category: 'negated', label: 0, text: "Don't bother with multi-stage builds or a smaller base image, they don't change the size; just compress the image with gzip." },
  { category: 'keyword-stuffed', label: 0.15, text: 'alpine slim multi-stage dockerignore no-cache-dir apt lists cache distroless scratch layers' },
  { category: 'keyword-stuffed', label: 0.25, text: 'Alpine, multi-stage, .dockerignore, --no-cache-dir, fewer layers, remove cache.' },
  { category: 'off-topic', label: 0, text: 'I would use Kubernetes to scale the application horizontally and add more replicas when the load increases.' },
  {
    category: 'misspelled',
    label: 0.85,
    text: 'Swich to a smaler base imgae like alpine or python slim, use a multi-stge build so the compilers and tests stay in the bulider stage, and clean the apt cache in the same RUN comand with rm -rf /var/lib/apt/lists. Also add a .dockerignore file.',
  },
  { category: 'very-short', label: 0.15, text: 'Use alpine.' },
  { category: 'very-short', label: 0.1, text: 'multi-stage' },
  { category: 'very-long', label: 1, text: LONG_OPTIMIZE },
  {
    category: 'partial',
    label: 0.4,
    text: 'Remove packages that are not needed at runtime, like vim, nano, wget and curl, and install with --no-install-recommends so apt does not pull extra packages. Also do not run the tests inside the final image.',
  },
  {
    category: 'partial',
    label: 0.5,
    text: 'For a Go service I would compile a static binary with CGO_ENABLED=0 in a golang builder stage and copy only that binary into a scratch or distroless final image, so the image is just a few megabytes.',
  },
  {
    category: 'partial',
    label: 0.45,
    text: 'Combine the RUN commands into one and clean up in that same layer: apt-get update && apt-get install ... && rm -rf /var/lib/apt/lists/*, because files deleted in a later layer still take space in the earlier one. Use pip install --no-cache-dir.',
  },
  {
    category: 'partial',
    label: 0.35,
    text: "I'd start by running docker history and dive to find which layers are large, then add a .dockerignore so .git, tests and local virtualenvs are not sent in the build context and copied by COPY . .",
  },
  { category: 'misconception', label: 0.1, text: 'Export the container and import it again to flatten all layers into one, which removes the history and makes it smaller.' },
];

export const SAVE_EXPORT_ANSWERS: readonly LabelledAnswer[] = [
  {
    category: 'correct',
    label: 1,
    text: 'docker save writes one or more images to a tar archive with all their layers, the config, the history and the tags, and docker load restores them exactly, so it is used to move images between hosts without a registry. docker export writes the filesystem of a container as one flat tar: there are no layers and no history, and the config such as CMD, ENV and EXPOSE is lost. docker import turns that tarball into a new image with a single layer; you give it a name and must restore CMD with --change.',
  },
  {
    category: 'correct',
    label: 0.95,
    text: "save/load work on images and keep everything: layers, tags, history and metadata. export/import work on containers: export dumps the container's filesystem, import makes a new single-layer image from it, and the history and the CMD are lost.",
  },
  { category: 'partial', label: 0.45, text: 'docker save saves an image to a tar file including its layers and tags, and docker load loads that tar file back into Docker on another machine.' },
  { category: 'partial', label: 0.5, text: "docker export creates a tar of a container's filesystem, flattening it, and docker import creates an image from that tar." },
  { category: 'negated', label: 0, text: 'docker export keeps all the layers and the history of the image, while docker save flattens the container into a single layer.' },
  { category: 'negated', label: 0, text: 'There is no real difference: save and export both keep the layers, and load and import both restore the tags.' },
  { category: 'keyword-stuffed', label: 0.1, text: 'save load export import image container layers tags history flatten tar metadata' },
  { category: 'keyword-stuffed', label: 0.45, text: 'save: image, layers, tags. export: container, filesystem, flat.' },
  {
    category: 'off-topic',
    label: 0,
    text: 'docker save is used to save the state of a running database container so that data is not lost, and docker load is for load balancing between containers.',
  },
  {
    category: 'misspelled',
    label: 0.9,
    text: "docker save exports an imgae with all its layres, tags and histroy into a tar, and docker load restores it. docker export dumps a contianer's filesystem as a flat tar with a single layer and no history; docker import creates a new image from it and the CMD is lost.",
  },
  { category: 'very-short', label: 0.35, text: 'save is for images, export is for containers.' },
  { category: 'very-short', label: 0, text: 'They are different.' },
  { category: 'very-long', label: 1, text: LONG_SAVE_EXPORT },
  {
    category: 'misconception',
    label: 0.3,
    text: 'docker save and load move images between machines with their layers. docker export also keeps the layers and tags, it just works on containers instead of images.',
  },
  {
    category: 'partial',
    label: 0.5,
    text: 'I use save and load to copy an image to an air-gapped server without a registry, and export/import when I want to flatten a container into a small base image.',
  },
  {
    category: 'partial',
    label: 0.7,
    text: "When you import an exported tarball the new image has no CMD, ENV or WORKDIR because export only contains the files of the container, not the image configuration; you have to add them back with docker import --change 'CMD [...]'. With save/load the configuration and the tags come back unchanged.",
  },
  {
    category: 'correct',
    label: 0.8,
    text: "docker export does not keep the image history or the layers; it only contains the container's files, flattened. docker save doesn't lose anything: layers, tags and history all stay.",
  },
  { category: 'off-topic', label: 0, text: 'Use docker commit to save changes of a container as a new image and docker push to upload it.' },
];

/**
 * Held-out answers: written and labelled after the rubrics were tuned on the sets above, and
 * graded once as they stand, so their agreement tells how the rubrics do on unseen wording.
 */
export const HELD_OUT_LAYERS: readonly LabelledAnswer[] = [
  {
    category: 'correct',
    label: 0.9,
    text: 'Think of an image as a pile of filesystem diffs. FROM gives the bottom of the pile, and each RUN or COPY puts one more diff on it. Nothing in the pile can be edited later. Docker remembers every diff it made, so if I rebuild and the step is the same, it takes the old one instead of running it; two images that start from the same pile keep only one copy of it on disk.',
  },
  { category: 'partial', label: 0.3, text: 'Layers let Docker avoid downloading the same thing twice: if you already have the ubuntu layers, pulling another ubuntu-based image only fetches the new layers.' },
  { category: 'misconception', label: 0.15, text: 'Every layer is a full copy of the filesystem at that step, so more layers always means a bigger image, but they are cached so builds are faster.' },
  { category: 'very-short', label: 0.2, text: 'Read-only layers, one per instruction, cached and shared.' },
  { category: 'off-topic', label: 0, text: 'An image is a template and a container is a running instance of it; you can run many containers from one image.' },
  {
    category: 'partial',
    label: 0.5,
    text: 'When you change your source code and rebuild, the steps before the COPY of the code are taken from the cache, so only the last layers are built again. This is why you install dependencies first and copy the code last.',
  },
];

export const HELD_OUT_OPTIMIZE: readonly LabelledAnswer[] = [
  {
    category: 'correct',
    label: 0.9,
    text: 'The ubuntu base plus apt packages is most of it, so I would move to python:3.9-slim. Build wheels in a first stage that has gcc, then copy just the installed site-packages and the code into the runtime stage. No pip cache, no apt lists left behind, and a .dockerignore for the tests folder and .git.',
  },
  { category: 'partial', label: 0.3, text: 'I would make sure pip does not keep its cache by using --no-cache-dir and delete the apt lists in the same RUN line as apt-get install.' },
  { category: 'misconception', label: 0.1, text: 'Use docker image prune and docker system prune to remove unused images, that frees up a lot of space.' },
  { category: 'very-short', label: 0.2, text: 'Slim base plus multi-stage.' },
  { category: 'off-topic', label: 0, text: 'Give the container more memory with --memory 2g so it does not run out.' },
  {
    category: 'partial',
    label: 0.6,
    text: 'Switch from ubuntu to an alpine based Python image and split the Dockerfile into a build stage and a final stage, so gcc and the test dependencies are only in the build stage.',
  },
];

export const HELD_OUT_SAVE_EXPORT: readonly LabelledAnswer[] = [
  {
    category: 'correct',
    label: 0.9,
    text: 'save is for images: the tar keeps each layer, the tags and the whole history, and load gives you back the identical image. export is for containers: you get their merged filesystem in one tar, and import turns it into a brand-new image with one layer and no CMD, so you pass --change to set it again.',
  },
  { category: 'partial', label: 0.4, text: 'With export and import you lose the history of the image and end up with a single layer.' },
  { category: 'misconception', label: 0.1, text: 'docker save takes a snapshot of a running container and docker export pushes the image to a registry.' },
  { category: 'very-short', label: 0.3, text: 'save: image with layers. export: container filesystem, flat.' },
  { category: 'off-topic', label: 0, text: 'docker cp copies files between a container and the host, for example docker cp app:/logs ./logs.' },
  {
    category: 'partial',
    label: 0.6,
    text: 'docker save writes an image to a tar file with its layers and tags, and docker load reads it back. docker export writes the files of a container to a tar.',
  },
];
