package dev.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests and the Dockerfile in {@code k8s/}, checked against the code: the
 * ConfigMap's config file and the Deployment's environment must load through {@link ConfigLoader},
 * and the ports, probes, mounts and the grace period must agree with the settings they load to.
 * Nothing is applied to a cluster; this test is what keeps the files consistent.
 */
class ManifestsTest {
  private static final Path K8S = Path.of("k8s");
  private static final String DEPLOYMENT = "parley";
  private static final String CONTAINER = "parley";

  /** What the downward API gives a pod, for the fields the Deployment may use. */
  private static final String SAMPLE_POD_IP = "10.0.0.5";

  private static final String SAMPLE_NAMESPACE = "default";
  private static final Map<String, String> DOWNWARD_API_SAMPLES =
      Map.of(
          "status.podIP", SAMPLE_POD_IP,
          "metadata.namespace", SAMPLE_NAMESPACE,
          "metadata.name", "parley-5d8c7b9f4-x2k7q");

  /** The apiVersion the manifests must use for each kind (the stable, non-removed ones). */
  private static final Map<String, String> API_VERSIONS =
      Map.of(
          "ConfigMap", "v1",
          "Secret", "v1",
          "Service", "v1",
          "Deployment", "apps/v1",
          "PodDisruptionBudget", "policy/v1");

  /**
   * Time beyond the preStop pause and {@code shutdown.drainSeconds} that a node needs to stop: it
   * hands the room over (up to 2 s) and the JVM exits; the rest is margin for a loaded node.
   */
  private static final int HANDOVER_AND_EXIT_MARGIN_SECONDS = 10;

  /** One Kubernetes object and the file it is in. */
  private record Manifest(String file, Map<String, Object> object) {
    String kind() {
      return (String) object.get("kind");
    }

    String name() {
      return string(object, "metadata.name");
    }
  }

  /** The instructions of the Dockerfile that matter here. */
  private record Dockerfile(
      String user,
      List<Integer> exposed,
      Map<String, String> copies,
      List<String> entrypoint,
      List<String> cmd) {}

  @TempDir static Path tmp;

  private static List<Manifest> manifests;
  private static Dockerfile dockerfile;
  private static ParleyConfig podConfig;

  @BeforeAll
  static void readFiles() throws IOException {
    manifests = readManifests();
    dockerfile = readDockerfile(K8S.resolve("Dockerfile"));
  }

  // ---------------------------------------------------------------- tests

  @Test
  void everyManifestIsAKubernetesObject() throws IOException {
    Set<String> files = new TreeSet<>();
    for (Manifest m : manifests) {
      files.add(m.file());
      String where = m.file() + ": ";
      String kind = m.kind();
      assertNotNull(kind, where + "an object without kind");
      assertNotNull(m.object().get("apiVersion"), where + kind + " without apiVersion");
      assertTrue(m.name() != null && !m.name().isBlank(), where + kind + " without metadata.name");
      assertEquals(
          API_VERSIONS.get(kind),
          m.object().get("apiVersion"),
          where + "unexpected kind or apiVersion for " + kind + " " + m.name());
    }
    assertEquals(
        applicableFiles().stream()
            .map(p -> p.getFileName().toString())
            .collect(Collectors.toCollection(TreeSet::new)),
        files,
        "every file that `kubectl apply -f k8s/` sends must hold at least one object");
  }

  @Test
  void theConfigFileSetsOnlyValidSettingsAndEnablesTheCluster() {
    JsonObject file = configFileJson();
    assertTrue(
        file.getJsonObject("cluster", new JsonObject()).getBoolean("enabled", false),
        "the ConfigMap's config file must set cluster.enabled to true");
    // Alone, the file names no discovery (cluster.kubernetesService comes from the environment),
    // which is invalid with cluster.enabled; with the cluster off every other setting is checked.
    JsonObject withoutCluster = withMountedSecret(file);
    withoutCluster.getJsonObject("cluster").put("enabled", false);
    try {
      ParleyConfig config = ParleyConfig.fromJson(withoutCluster);
      assertTrue(config.http().enabled(), "http.enabled must be true: the probes need it");
    } catch (ConfigException e) {
      fail("the ConfigMap's config file is invalid: " + e.getMessage());
    }
  }

  @Test
  void theConfigFileAndTheDeploymentsEnvironmentLoadTogether() {
    ParleyConfig config = podConfig();
    ParleyConfig.Cluster cluster = config.cluster();
    assertTrue(cluster.enabled(), "cluster.enabled");
    assertTrue(cluster.members().isEmpty(), "cluster.members must be empty: discovery is by DNS");
    assertEquals(
        containerEnvironment().get("PARLEY_CLUSTER_KUBERNETES_SERVICE"),
        cluster.kubernetesService(),
        "cluster.kubernetesService must come from PARLEY_CLUSTER_KUBERNETES_SERVICE");
    assertEquals(SAMPLE_POD_IP, cluster.host(), "cluster.host must be the pod's IP");
    assertEquals(
        SAMPLE_POD_IP, cluster.eventBusHost(), "cluster.eventBusHost must be the pod's IP");
    assertNotEquals(
        0, cluster.eventBusPort(), "cluster.eventBusPort must be fixed to be a containerPort");
  }

  @Test
  void serviceLinksAreOff() {
    assertEquals(
        Boolean.FALSE,
        podSpec().get("enableServiceLinks"),
        "enableServiceLinks must be false: Parley refuses unknown PARLEY_* variables such as "
            + serviceLinkVariables().keySet());
  }

  @Test
  void containerPortsAreTheConfiguredPorts() {
    ParleyConfig config = podConfig();
    Map<String, Integer> ports = containerPorts();
    assertEquals(config.server().port(), ports.get("chat"), "containerPort chat = server.port");
    assertEquals(config.http().port(), ports.get("ops"), "containerPort ops = http.port");
    assertEquals(config.web().port(), ports.get("web"), "containerPort web = web.port");
    assertEquals(
        config.cluster().port(), ports.get("hazelcast"), "containerPort hazelcast = cluster.port");
    assertEquals(
        config.cluster().eventBusPort(),
        ports.get("eventbus"),
        "containerPort eventbus = cluster.eventBusPort");
  }

  @Test
  void servicesTargetContainerPorts() {
    for (Manifest service : objectsOfKind("Service")) {
      for (Map<String, Object> port : maps(at(service.object(), "spec.ports"), "ports")) {
        Object target = port.getOrDefault("targetPort", port.get("port"));
        containerPort(target, "Service " + service.name() + " targetPort");
      }
    }
    assertEquals(
        Set.of(podConfig().server().port(), podConfig().web().port(), podConfig().irc().port()),
        servicePorts(object("Service", "parley")),
        "the Service parley must lead to server.port, web.port and irc.port and nothing else (not the"
            + " operations port)");
  }

  @Test
  void theHeadlessServiceIsTheOneHazelcastLooksUp() {
    String dnsName = podConfig().cluster().kubernetesService();
    String[] labels = dnsName.split("\\.");
    assertEquals(
        SAMPLE_NAMESPACE,
        labels.length > 1 ? labels[1] : null,
        "cluster.kubernetesService " + dnsName + " must name the pod's own namespace");
    assertTrue(
        dnsName.endsWith(".svc.cluster.local"),
        "cluster.kubernetesService " + dnsName + " must be a Service's DNS name");
    Manifest headless = object("Service", labels[0]);
    assertEquals("None", string(headless.object(), "spec.clusterIP"), "headless: clusterIP None");
    assertEquals(
        Boolean.TRUE,
        at(headless.object(), "spec.publishNotReadyAddresses"),
        "pods become ready only after joining: publishNotReadyAddresses must be true");
    ParleyConfig.Cluster cluster = podConfig().cluster();
    assertEquals(
        Set.of(cluster.port(), cluster.eventBusPort()),
        servicePorts(headless),
        "the headless Service must expose cluster.port and cluster.eventBusPort");
  }

  @Test
  void probesAskTheOpsServer() {
    int opsPort = podConfig().http().port();
    Map<String, Object> container = container();
    assertProbe(container, "livenessProbe", Set.of("/health/live"), opsPort);
    assertProbe(container, "readinessProbe", Set.of("/health/ready"), opsPort);
    if (container.containsKey("startupProbe")) {
      assertProbe(container, "startupProbe", Set.of("/health/live", "/health/ready"), opsPort);
    }
  }

  @Test
  void theGracePeriodCoversThePauseTheDrainAndTheHandover() {
    double pause = preStopSleepSeconds();
    double drain = podConfig().shutdown().drain().toMillis() / 1000.0;
    Object grace = podSpec().getOrDefault("terminationGracePeriodSeconds", 30);
    assertInstanceOf(Integer.class, grace, "terminationGracePeriodSeconds");
    double needed = pause + drain + HANDOVER_AND_EXIT_MARGIN_SECONDS;
    assertTrue(
        (Integer) grace >= needed,
        "terminationGracePeriodSeconds "
            + grace
            + " must be at least preStop "
            + pause
            + " s + shutdown.drainSeconds "
            + drain
            + " s + "
            + HANDOVER_AND_EXIT_MARGIN_SECONDS
            + " s for the handover and exit");
  }

  @Test
  void replicasAndDisruptionBudget() {
    int replicas = integer(deployment().object(), "spec.replicas");
    assertEquals(3, replicas, "replicas");
    Map<String, Object> pdb = object("PodDisruptionBudget", "parley").object();
    Object minAvailable = at(pdb, "spec.minAvailable");
    Object maxUnavailable = at(pdb, "spec.maxUnavailable");
    boolean byMinimum = minAvailable instanceof Integer;
    boolean byMaximum = maxUnavailable instanceof Integer;
    assertTrue(
        byMinimum != byMaximum,
        "the PodDisruptionBudget sets one of minAvailable and maxUnavailable, as a number");
    int allowed = byMinimum ? replicas - (Integer) minAvailable : (Integer) maxUnavailable;
    assertTrue(
        allowed >= 1 && allowed < replicas,
        "the PodDisruptionBudget must let drains stop some but not all pods; it allows " + allowed);
  }

  @Test
  void selectorsMatchThePodLabels() {
    Map<String, Object> labels = map(at(deployment().object(), "spec.template.metadata.labels"));
    assertSelects(labels, at(deployment().object(), "spec.selector.matchLabels"), "Deployment");
    for (Manifest pdb : objectsOfKind("PodDisruptionBudget")) {
      assertSelects(labels, at(pdb.object(), "spec.selector.matchLabels"), pdb.file());
    }
    for (Manifest service : objectsOfKind("Service")) {
      assertSelects(labels, at(service.object(), "spec.selector"), service.file());
    }
  }

  @Test
  void theContainerRunsAsNonRootOnAReadOnlyRootFileSystem() {
    Map<String, Object> security = new HashMap<>();
    security.putAll(map(podSpec().getOrDefault("securityContext", Map.of())));
    security.putAll(map(container().getOrDefault("securityContext", Map.of())));
    assertEquals(Boolean.TRUE, security.get("runAsNonRoot"), "runAsNonRoot");
    assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), "readOnlyRootFilesystem");
    assertEquals(
        Boolean.FALSE, security.get("allowPrivilegeEscalation"), "allowPrivilegeEscalation");
    assertTrue(
        strings(at(security, "capabilities.drop"), "capabilities.drop").contains("ALL"),
        "capabilities.drop must contain ALL");
    assertEquals(
        dockerfile.user(),
        security.get("runAsUser") + ":" + security.get("runAsGroup"),
        "the image's USER must be runAsUser:runAsGroup");

    Map<String, Object> tmpMount = mountAt("/tmp");
    assertNotNull(tmpMount, "the JVM needs a writable /tmp: mount a volume there");
    assertNotEquals(Boolean.TRUE, tmpMount.get("readOnly"), "/tmp must be writable");
    assertTrue(
        volume((String) tmpMount.get("name")).containsKey("emptyDir"), "/tmp must be an emptyDir");
  }

  @Test
  void theConfigMapIsMountedWhereTheContainerReadsItsConfig() {
    Path configPath = Path.of(configFileArgument());
    Map<String, Object> mount = mountAt(configPath.getParent().toString());
    assertNotNull(mount, "no volume is mounted at the directory of --config " + configPath);
    assertEquals(Boolean.TRUE, mount.get("readOnly"), "the config volume is mounted read-only");
    Map<String, Object> configMapVolume = map(volume((String) mount.get("name")).get("configMap"));
    Manifest configMap = object("ConfigMap", (String) configMapVolume.get("name"));
    assertFalse(configMapVolume.containsKey("items"), "the config volume maps every key as is");
    assertTrue(
        map(configMap.object().get("data")).containsKey(configPath.getFileName().toString()),
        "ConfigMap " + configMap.name() + " must hold the key " + configPath.getFileName());
  }

  @Test
  void theNodesKeepWhatLastsInPostgres() {
    ParleyConfig.Store store = podConfig().store();
    assertEquals(
        ParleyConfig.StoreKind.POSTGRES,
        store.kind(),
        "a cluster's nodes keep what lasts in PostgreSQL: store.kind must be postgres");
    assertTrue(
        store.postgres().url().startsWith("jdbc:postgresql://"), "store.postgres.url is set");
    assertFalse(store.postgres().user().isBlank(), "store.postgres.user is set");
    assertEquals(
        "",
        configFileJson().getJsonObject("store").getJsonObject("postgres").getString("password"),
        "the password comes from the Secret (store.postgres.passwordFile), not the ConfigMap");
  }

  @Test
  void theStorePasswordFileIsTheSecretsKeyMountedReadOnly() {
    Path file = passwordFile();
    Map<String, Object> mount = mountAt(file.getParent().toString());
    assertNotNull(mount, "no volume is mounted at the directory of " + file);
    assertEquals(Boolean.TRUE, mount.get("readOnly"), "the password volume is mounted read-only");
    Map<String, Object> secretVolume = map(volume((String) mount.get("name")).get("secret"));
    assertNotNull(secretVolume, "the password volume must be a Secret");
    assertNotEquals(
        Boolean.TRUE,
        secretVolume.get("optional"),
        "the Secret is not optional: without the password the node cannot reach its store");
    assertNotNull(secretValue(file), "the Secret must hold the key " + file.getFileName());
  }

  @Test
  void theConfigFileListsTheAccountsSettingsWithTokensOff() {
    JsonObject accounts = configFileJson().getJsonObject("accounts");
    assertNotNull(accounts, "the ConfigMap's config file must have the accounts section");
    assertEquals(
        ParleyConfig.defaultsJson().getJsonObject("accounts").fieldNames(),
        accounts.fieldNames(),
        "the accounts section lists every setting");
    assertEquals(
        ParleyConfig.defaultsJson().getJsonObject("accounts").getJsonObject("jwt").fieldNames(),
        accounts.getJsonObject("jwt").fieldNames(),
        "the accounts.jwt section lists every setting");
    assertEquals("open", accounts.getString("registration"), "accounts.registration");
    assertEquals(Boolean.TRUE, accounts.getBoolean("guests"), "accounts.guests");
    assertEquals(new JsonArray(), accounts.getJsonArray("operators"), "accounts.operators");
    assertEquals(
        "",
        accounts.getJsonObject("jwt").getString("secret"),
        "the JWT secret comes from a Secret (PARLEY_ACCOUNTS_JWT_SECRET), not the ConfigMap");
    ParleyConfig.Accounts loaded = podConfig().accounts();
    assertTrue(loaded.registration() && loaded.guests(), "registration open, guests allowed");
    assertTrue(loaded.operators().isEmpty(), "no server operators");
    assertFalse(loaded.jwt().enabled(), "signed tokens are off as shipped");
  }

  @Test
  void theJwtSecretComesFromAnOptionalSecretAsAnEnvironmentVariable() {
    Map<String, Object> entry =
        maps(container().getOrDefault("env", List.of()), "env").stream()
            .filter(e -> "PARLEY_ACCOUNTS_JWT_SECRET".equals(e.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no env PARLEY_ACCOUNTS_JWT_SECRET"));
    Object ref = at(entry, "valueFrom.secretKeyRef");
    assertNotNull(ref, "PARLEY_ACCOUNTS_JWT_SECRET must come from a Secret (secretKeyRef)");
    assertEquals(
        Boolean.TRUE,
        map(ref).get("optional"),
        "the JWT Secret is optional: without it the nodes start with tokens off");
    String secretName = (String) map(ref).get("name");
    String key = (String) map(ref).get("key");
    // With the secret set and the issuer and audience in the ConfigMap, the pod takes tokens.
    String secret = "a shared secret of at least 32 bytes, for the pod";
    JsonObject file = configFileJson();
    file.getJsonObject("accounts")
        .getJsonObject("jwt")
        .put("issuer", "https://app.example.com")
        .put("audience", "parley");
    ParleyConfig.Jwt jwt = podConfig(file, Map.of(secretName + "/" + key, secret)).accounts().jwt();
    assertTrue(jwt.enabled(), "tokens on once the Secret holds a secret");
    assertEquals(secret, jwt.secret(), "accounts.jwt.secret is the Secret's " + key);
  }

  @Test
  void theDockerfileExposesTheContainerPorts() {
    assertEquals(
        new TreeSet<>(containerPorts().values()),
        new TreeSet<>(dockerfile.exposed()),
        "EXPOSE must list the containerPorts");
    assertEquals(
        dockerfile.exposed().size(), Set.copyOf(dockerfile.exposed()).size(), "EXPOSE twice");
  }

  @Test
  void theImageRunsTheCopiedJar() {
    List<String> commandLine = podCommandLine();
    assertEquals("java", commandLine.get(0), "the pod runs java: " + commandLine);
    int jar = commandLine.indexOf("-jar");
    assertTrue(jar > 0 && jar + 1 < commandLine.size(), "the pod runs java -jar: " + commandLine);
    assertEquals(
        dockerfile.copies().get("target/parley.jar"),
        commandLine.get(jar + 1),
        "the pod must run the jar that the Dockerfile copies from target/parley.jar");
    assertEquals(
        configFileArgument(),
        option(concat(dockerfile.entrypoint(), dockerfile.cmd()), "--config"),
        "the image's own default command line must read the config file the pod reads");
  }

  // ---------------------------------------------------------------- reading the files

  /** The files that {@code kubectl apply -f k8s/} sends to the cluster. */
  private static List<Path> applicableFiles() throws IOException {
    try (Stream<Path> files = Files.list(K8S)) {
      return files
          .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
          .sorted()
          .toList();
    }
  }

  private static List<Manifest> readManifests() throws IOException {
    List<Manifest> out = new ArrayList<>();
    for (Path file : applicableFiles()) {
      try (Reader reader = Files.newBufferedReader(file)) {
        for (Object document : new Yaml().loadAll(reader)) {
          if (document != null) {
            out.add(new Manifest(file.getFileName().toString(), map(document)));
          }
        }
      }
    }
    return out;
  }

  /** Reads USER, EXPOSE, COPY, ENTRYPOINT and CMD; the last two must be in exec (JSON) form. */
  private static Dockerfile readDockerfile(Path file) throws IOException {
    String user = null;
    List<Integer> exposed = new ArrayList<>();
    Map<String, String> copies = new LinkedHashMap<>();
    List<String> entrypoint = List.of();
    List<String> cmd = List.of();
    String text = Files.readString(file).replaceAll("(?m)^\\s*#.*\\n", "");
    for (String line : text.replaceAll("\\\\\\n", " ").split("\\n")) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length < 2) {
        continue;
      }
      String args = parts[1].strip();
      switch (parts[0].toUpperCase(Locale.ROOT)) {
        case "USER" -> user = args;
        case "EXPOSE" -> {
          for (String port : args.split("\\s+")) {
            exposed.add(Integer.parseInt(port.replaceFirst("/tcp$", "")));
          }
        }
        case "COPY" -> {
          List<String> words =
              Stream.of(args.split("\\s+")).filter(w -> !w.startsWith("--")).toList();
          for (String source : words.subList(0, words.size() - 1)) {
            copies.put(source, words.get(words.size() - 1));
          }
        }
        case "ENTRYPOINT" -> entrypoint = execForm("ENTRYPOINT", args);
        case "CMD" -> cmd = execForm("CMD", args);
        default -> {}
      }
    }
    return new Dockerfile(user, exposed, copies, entrypoint, cmd);
  }

  private static List<String> execForm(String instruction, String args) {
    assertTrue(
        args.startsWith("["),
        instruction + " must be in exec form, so that java is PID 1 and gets SIGTERM: " + args);
    return new JsonArray(args).stream().map(String.class::cast).toList();
  }

  /** The config file the container reads, as its ConfigMap holds it. */
  private static String configFileText() {
    Path configPath = Path.of(configFileArgument());
    Map<String, Object> mount = mountAt(configPath.getParent().toString());
    assertNotNull(mount, "no volume is mounted at the directory of --config " + configPath);
    String configMapName =
        (String) map(volume((String) mount.get("name")).get("configMap")).get("name");
    Manifest configMap = object("ConfigMap", configMapName);
    String key = configPath.getFileName().toString();
    Object text = map(configMap.object().get("data")).get(key);
    assertInstanceOf(
        String.class, text, "ConfigMap " + configMapName + " must hold the key " + key);
    return (String) text;
  }

  private static JsonObject configFileJson() {
    return new JsonObject(configFileText());
  }

  /** The file that {@code store.postgres.passwordFile} names in the ConfigMap. */
  private static Path passwordFile() {
    return Path.of(
        configFileJson()
            .getJsonObject("store")
            .getJsonObject("postgres")
            .getString("passwordFile"));
  }

  /** The value of the Secret's key mounted as {@code file}, or null. */
  private static String secretValue(Path file) {
    Map<String, Object> mount = mountAt(file.getParent().toString());
    assertNotNull(mount, "no volume is mounted at the directory of " + file);
    Map<String, Object> secretVolume = map(volume((String) mount.get("name")).get("secret"));
    Manifest secret = object("Secret", (String) secretVolume.get("secretName"));
    Object value = map(secret.object().get("stringData")).get(file.getFileName().toString());
    return value == null ? null : value.toString();
  }

  /**
   * The config file as the pod reads it: its password file replaced by a copy, in this test's
   * temporary directory, of the Secret's key that the pod has mounted there (the checks read it).
   */
  private static JsonObject withMountedSecret(JsonObject file) {
    Path mounted = passwordFile();
    String value = secretValue(mounted);
    assertNotNull(value, "the Secret must hold the key " + mounted.getFileName());
    Path copy = tmp.resolve("secret-" + mounted.getFileName());
    try {
      Files.writeString(copy, value);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    JsonObject out = file.copy();
    out.getJsonObject("store").getJsonObject("postgres").put("passwordFile", copy.toString());
    return out;
  }

  /**
   * The configuration a pod loads: its config file and environment, through the same {@link
   * ConfigLoader} as {@code java -jar parley.jar --config FILE}.
   */
  private static synchronized ParleyConfig podConfig() {
    if (podConfig == null) {
      podConfig = podConfig(configFileJson(), Map.of());
    }
    return podConfig;
  }

  /**
   * The configuration a pod would load from another config file and other values of Secrets' keys
   * ({@code SECRET/KEY}).
   */
  private static ParleyConfig podConfig(JsonObject configFile, Map<String, String> secretValues) {
    Vertx vertx = Vertx.vertx();
    try {
      Path file = tmp.resolve(Path.of(configFileArgument()).getFileName());
      Files.writeString(file, withMountedSecret(configFile).encodePrettily());
      return ConfigLoader.load(
              vertx,
              new ConfigLoader.Sources(
                  file, true, podEnvironment(secretValues), Map.of(), new JsonObject()))
          .await();
    } catch (ConfigException e) {
      return fail("the pod's configuration does not load: " + e.getMessage());
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      vertx.close().await();
    }
  }

  // ---------------------------------------------------------------- the pod

  private static Manifest deployment() {
    return object("Deployment", DEPLOYMENT);
  }

  private static Map<String, Object> podSpec() {
    return map(at(deployment().object(), "spec.template.spec"));
  }

  private static Map<String, Object> container() {
    return maps(podSpec().get("containers"), "containers").stream()
        .filter(c -> CONTAINER.equals(c.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container named " + CONTAINER));
  }

  /** The container's command line: its command and args over the image's ENTRYPOINT and CMD. */
  private static List<String> podCommandLine() {
    Map<String, Object> container = container();
    List<String> command =
        container.containsKey("command")
            ? strings(container.get("command"), "command")
            : dockerfile.entrypoint();
    List<String> args;
    if (container.containsKey("args")) {
      args = strings(container.get("args"), "args");
    } else {
      args = container.containsKey("command") ? List.of() : dockerfile.cmd();
    }
    return concat(command, args);
  }

  private static String configFileArgument() {
    String path = option(podCommandLine(), "--config");
    assertNotNull(path, "the container must run with --config FILE: " + podCommandLine());
    return path;
  }

  private static Map<String, Integer> containerPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Map<String, Object> port : maps(container().get("ports"), "ports")) {
      Object previous = ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
      assertTrue(previous == null, "two containerPorts named " + port.get("name"));
    }
    return ports;
  }

  /** The containerPort that a Service's targetPort or a probe's port (a name or a number) is. */
  private static int containerPort(Object nameOrNumber, String what) {
    Map<String, Integer> ports = containerPorts();
    if (nameOrNumber instanceof String name) {
      assertTrue(ports.containsKey(name), what + " " + name + " names no containerPort");
      return ports.get(name);
    }
    assertTrue(
        ports.containsValue(nameOrNumber), what + " " + nameOrNumber + " is no containerPort");
    return (Integer) nameOrNumber;
  }

  private static Set<Integer> servicePorts(Manifest service) {
    Set<Integer> out = new TreeSet<>();
    for (Map<String, Object> port : maps(at(service.object(), "spec.ports"), "ports")) {
      out.add(
          containerPort(
              port.getOrDefault("targetPort", port.get("port")),
              "Service " + service.name() + " targetPort"));
    }
    return out;
  }

  /**
   * The container's environment variables, with the downward API's fields replaced by sample
   * values, Secrets' keys by the values of the Secrets in {@code k8s/} (an optional one that is not
   * there leaves its variable out), and {@code $(NAME)} references expanded as Kubernetes does.
   */
  private static Map<String, String> containerEnvironment() {
    return containerEnvironment(Map.of());
  }

  /**
   * The container's environment, as {@link #containerEnvironment()}, with some Secrets' keys given
   * other values.
   *
   * @param secretValues values by {@code SECRET/KEY}, in place of the manifests' own
   */
  private static Map<String, String> containerEnvironment(Map<String, String> secretValues) {
    Map<String, String> env = new LinkedHashMap<>();
    Pattern reference = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    for (Map<String, Object> entry : maps(container().getOrDefault("env", List.of()), "env")) {
      String name = (String) entry.get("name");
      String value;
      if (at(entry, "valueFrom.secretKeyRef") != null) {
        value = secretKeyValue(name, map(at(entry, "valueFrom.secretKeyRef")), secretValues);
        if (value == null) {
          continue;
        }
      } else if (entry.containsKey("valueFrom")) {
        String field = string(entry, "valueFrom.fieldRef.fieldPath");
        value = DOWNWARD_API_SAMPLES.get(field);
        assertNotNull(value, "env " + name + ": no sample value for " + entry.get("valueFrom"));
      } else {
        Matcher m = reference.matcher(String.valueOf(entry.get("value")));
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
          String referenced = env.get(m.group(1));
          assertNotNull(referenced, "env " + name + " refers to $(" + m.group(1) + ") before it");
          m.appendReplacement(expanded, Matcher.quoteReplacement(referenced));
        }
        value = m.appendTail(expanded).toString();
      }
      env.put(name, value);
    }
    return env;
  }

  /**
   * The value a {@code secretKeyRef} gives: the Secret's key in {@code k8s/} ({@code stringData},
   * or {@code data} in base64), or null when the reference is optional and the Secret or key is not
   * there.
   */
  private static String secretKeyValue(
      String variable, Map<String, Object> ref, Map<String, String> secretValues) {
    String secretName = (String) ref.get("name");
    String key = (String) ref.get("key");
    if (secretValues.containsKey(secretName + "/" + key)) {
      return secretValues.get(secretName + "/" + key);
    }
    List<Manifest> found =
        objectsOfKind("Secret").stream().filter(m -> secretName.equals(m.name())).toList();
    Object value = null;
    if (!found.isEmpty()) {
      Map<String, Object> secret = found.get(0).object();
      Object text = map(secret.getOrDefault("stringData", Map.of())).get(key);
      Object encoded = map(secret.getOrDefault("data", Map.of())).get(key);
      value =
          text != null
              ? text
              : encoded == null
                  ? null
                  : new String(
                      java.util.Base64.getDecoder().decode(encoded.toString()),
                      java.nio.charset.StandardCharsets.UTF_8);
    }
    if (value == null) {
      assertEquals(
          Boolean.TRUE,
          ref.get("optional"),
          "env "
              + variable
              + " refers to the Secret "
              + secretName
              + "'s key "
              + key
              + ", which k8s/ does not hold: make the reference optional or add the Secret");
      return null;
    }
    return value.toString();
  }

  /** What Kubernetes adds to a pod's environment for each Service unless enableServiceLinks. */
  private static Map<String, String> serviceLinkVariables() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Manifest service : objectsOfKind("Service")) {
      if ("None".equals(at(service.object(), "spec.clusterIP"))) {
        continue;
      }
      String prefix = service.name().toUpperCase(Locale.ROOT).replace('-', '_');
      String ip = "10.96.0.10";
      for (Map<String, Object> port : maps(at(service.object(), "spec.ports"), "ports")) {
        String number = String.valueOf(port.get("port"));
        String protocol = String.valueOf(port.getOrDefault("protocol", "TCP"));
        String url = protocol.toLowerCase(Locale.ROOT) + "://" + ip + ":" + number;
        env.putIfAbsent(prefix + "_SERVICE_HOST", ip);
        env.putIfAbsent(prefix + "_SERVICE_PORT", number);
        env.putIfAbsent(prefix + "_PORT", url);
        if (port.get("name") != null) {
          String portName = ((String) port.get("name")).toUpperCase(Locale.ROOT).replace('-', '_');
          env.put(prefix + "_SERVICE_PORT_" + portName, number);
        }
        String each = prefix + "_PORT_" + number + "_" + protocol;
        env.put(each, url);
        env.put(each + "_PROTO", protocol.toLowerCase(Locale.ROOT));
        env.put(each + "_PORT", number);
        env.put(each + "_ADDR", ip);
      }
    }
    return env;
  }

  /** The pod's environment: service links (unless turned off) and the container's variables. */
  private static Map<String, String> podEnvironment() {
    return podEnvironment(Map.of());
  }

  /** The pod's environment, some Secrets' keys given other values ({@code SECRET/KEY}). */
  private static Map<String, String> podEnvironment(Map<String, String> secretValues) {
    Map<String, String> env = new LinkedHashMap<>();
    if (!Boolean.FALSE.equals(podSpec().get("enableServiceLinks"))) {
      env.putAll(serviceLinkVariables());
    }
    env.putAll(containerEnvironment(secretValues));
    return env;
  }

  private static Map<String, Object> mountAt(String path) {
    return maps(container().getOrDefault("volumeMounts", List.of()), "volumeMounts").stream()
        .filter(m -> path.equals(Path.of((String) m.get("mountPath")).normalize().toString()))
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Object> volume(String name) {
    return maps(podSpec().getOrDefault("volumes", List.of()), "volumes").stream()
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume named " + name));
  }

  private static void assertProbe(
      Map<String, Object> container, String probe, Set<String> paths, int opsPort) {
    Object httpGet = at(container, probe + ".httpGet");
    assertNotNull(httpGet, probe + " must be an httpGet probe");
    String path = string(httpGet, "path");
    assertTrue(paths.contains(path), probe + " path " + path + " must be one of " + paths);
    assertEquals(
        opsPort,
        containerPort(map(httpGet).get("port"), probe + " port"),
        probe + " must ask the ops port (http.port)");
  }

  /** The seconds the preStop hook pauses: a {@code sleep N} exec command or a sleep action. */
  private static double preStopSleepSeconds() {
    Object preStop = at(container(), "lifecycle.preStop");
    assertNotNull(preStop, "a preStop pause lets endpoints drop the pod before SIGTERM");
    Object seconds = at(preStop, "sleep.seconds");
    if (seconds instanceof Integer n) {
      return n;
    }
    String command = String.join(" ", strings(at(preStop, "exec.command"), "preStop command"));
    Matcher m = Pattern.compile("(?:^|[\\s;&])sleep\\s+(\\d+(?:\\.\\d+)?)").matcher(command);
    assertTrue(m.find(), "preStop must run sleep SECONDS: " + command);
    return Double.parseDouble(m.group(1));
  }

  private static void assertSelects(Map<String, Object> labels, Object selector, String who) {
    Map<String, Object> wanted = map(selector);
    assertFalse(wanted.isEmpty(), who + " must select the pods by label");
    for (Map.Entry<String, Object> e : wanted.entrySet()) {
      assertEquals(
          e.getValue(), labels.get(e.getKey()), who + " selects " + e + "; pods are " + labels);
    }
  }

  // ---------------------------------------------------------------- generic helpers

  private static List<Manifest> objectsOfKind(String kind) {
    return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
  }

  private static Manifest object(String kind, String name) {
    List<Manifest> found = objectsOfKind(kind).stream().filter(m -> name.equals(m.name())).toList();
    assertEquals(1, found.size(), "expected exactly one " + kind + " named " + name);
    return found.get(0);
  }

  /** The value at a dotted path of maps, or null. */
  private static Object at(Object node, String dottedPath) {
    for (String key : dottedPath.split("\\.")) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(key);
    }
    return node;
  }

  private static String string(Object node, String dottedPath) {
    Object value = at(node, dottedPath);
    return value == null ? null : value.toString();
  }

  private static int integer(Object node, String dottedPath) {
    Object value = at(node, dottedPath);
    assertInstanceOf(Integer.class, value, dottedPath);
    return (Integer) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertInstanceOf(Map.class, node, "expected a YAML mapping");
    return (Map<String, Object>) node;
  }

  private static List<Map<String, Object>> maps(Object node, String what) {
    assertInstanceOf(List.class, node, what + " must be a list");
    return ((List<?>) node).stream().map(ManifestsTest::map).toList();
  }

  private static List<String> strings(Object node, String what) {
    assertInstanceOf(List.class, node, what + " must be a list");
    return ((List<?>) node).stream().map(String::valueOf).toList();
  }

  /** The value after {@code name} in a command line, or null. */
  private static String option(List<String> commandLine, String name) {
    int i = commandLine.indexOf(name);
    return i >= 0 && i + 1 < commandLine.size() ? commandLine.get(i + 1) : null;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
