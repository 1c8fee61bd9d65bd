# Runs the jar built by `./mvnw -DskipTests package` (app/target/muster-app-*.jar).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 muster && mkdir -p /opt/muster/data && chown muster /opt/muster/data
WORKDIR /opt/muster
# The data directory holds the CSV drop folders and work files and, unless MUSTER_DIRECTORY_SECRET_KEY is set,
# the key that encrypts stored directory bind passwords: keep it on a volume.
VOLUME /opt/muster/data
COPY app/target/muster-app-*.jar muster.jar
USER muster
EXPOSE 8640
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/muster/muster.jar"]
