package io.trackingsystem.operator.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a module's pom says `mvn package` leaves in target/: the runnable jar (named by finalName,
 * with a manifest class path into lib/) and the runtime dependencies copied into lib/.
 */
record ModuleBuildOutput(String jarName, String mainClass, String manifestClasspathPrefix, List<String> copiedDependencyDirs) {

  static ModuleBuildOutput of(Path pom) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    var project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    var build = child(project, "build");
    var finalName = build.flatMap(b -> text(b, "finalName"))
        .orElse(text(project, "artifactId").orElseThrow() + "-" + version(project));
    var plugins = build.flatMap(b -> child(b, "plugins")).map(p -> children(p, "plugin")).orElse(List.of());

    var manifest = plugin(plugins, "maven-jar-plugin")
        .flatMap(p -> path(p, "configuration", "archive", "manifest"));
    var copyDirs = new ArrayList<String>();
    plugin(plugins, "maven-dependency-plugin").flatMap(p -> child(p, "executions")).ifPresent(executions -> {
      for (var execution : children(executions, "execution")) {
        var goals = child(execution, "goals").map(g -> children(g, "goal")).orElse(List.of());
        var copies = goals.stream().anyMatch(goal -> goal.getTextContent().trim().equals("copy-dependencies"));
        var atPackage = text(execution, "phase").map("package"::equals).orElse(false);
        if (copies && atPackage) {
          path(execution, "configuration", "outputDirectory").map(Node::getTextContent)
              .map(dir -> dir.trim().replace("${project.build.directory}", "target"))
              .ifPresent(copyDirs::add);
        }
      }
    });
    return new ModuleBuildOutput(
        finalName + ".jar",
        manifest.flatMap(m -> text(m, "mainClass")).orElse(null),
        manifest.filter(m -> text(m, "addClasspath").map("true"::equals).orElse(false))
            .flatMap(m -> text(m, "classpathPrefix")).orElse(null),
        copyDirs);
  }

  private static String version(Element project) {
    return text(project, "version").orElseGet(() -> child(project, "parent").flatMap(p -> text(p, "version")).orElseThrow());
  }

  private static Optional<Element> plugin(List<Element> plugins, String artifactId) {
    return plugins.stream().filter(p -> text(p, "artifactId").map(artifactId::equals).orElse(false)).findFirst();
  }

  private static Optional<Element> path(Element from, String... names) {
    var current = Optional.of(from);
    for (var name : names) {
      current = current.flatMap(element -> child(element, name));
    }
    return current;
  }

  private static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(Node::getTextContent).map(String::trim);
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  private static List<Element> children(Element parent, String name) {
    var result = new ArrayList<Element>();
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        result.add(element);
      }
    }
    return result;
  }
}
