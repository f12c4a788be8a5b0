# Build: docker build -t trial-evidence-api .   Run: docker run -p 8080:8080 trial-evidence-api
# The image serves the committed seed-data; the reviews are not in the build context, so the start-up log says that
# excerpts were not re-checked against them (CI checks them on every change).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY seed-data seed-data
# --build-arg BUILD_PROFILE=postgresql builds the production image (run it with QUARKUS_PROFILE=postgresql and the
# EVIDENCE_DB_* variables, README "Storage and production").
ARG BUILD_PROFILE=prod
RUN mvn -B -q package -DskipTests -Dquarkus.profile=${BUILD_PROFILE}

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 --home-dir /deployments evidence
WORKDIR /deployments
COPY --from=build --chown=evidence /build/target/quarkus-app/lib/ lib/
COPY --from=build --chown=evidence /build/target/quarkus-app/*.jar ./
COPY --from=build --chown=evidence /build/target/quarkus-app/app/ app/
COPY --from=build --chown=evidence /build/target/quarkus-app/quarkus/ quarkus/
COPY --chown=evidence seed-data seed-data
# The embedded database and the token signing key pair live under data/ (README, Curation access): a volume, so that
# curated changes outlive the container.
RUN mkdir data && chown evidence data
VOLUME /deployments/data
USER evidence
EXPOSE 8080
ENV EVIDENCE_SEED_DIR=/deployments/seed-data
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/q/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
