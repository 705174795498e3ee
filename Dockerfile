# community-scheduler's server in a container, from the distribution tarball:
#   mvn -B package -DskipTests && docker build -t community-scheduler .
#   docker run -p 7070:7070 -v scheduler-jobs:/data community-scheduler
# Settings by environment (SCHEDULER_API_TOKEN, SCHEDULER_SOLVERS, ...; see README.md) or as arguments after serve.
FROM eclipse-temurin:17-jre

ARG VERSION=0.1.0-SNAPSHOT
# ADD unpacks a local tarball.
ADD app/target/community-scheduler-${VERSION}.tar.gz /opt/
RUN ln -s /opt/community-scheduler-${VERSION} /opt/community-scheduler \
 && useradd --system --create-home --home-dir /home/scheduler --shell /usr/sbin/nologin scheduler \
 && mkdir /data && chown scheduler:scheduler /data

# Jobs live on the volume and go on after the container is replaced; the server locks it, so one container per volume.
# The heap follows the container's memory limit rather than the launcher's 3 GB.
ENV SCHEDULER_DATA_DIR=/data \
    SCHEDULER_PORT=7070 \
    JAVA_OPTS=-XX:MaxRAMPercentage=75
VOLUME /data
EXPOSE 7070
USER scheduler
WORKDIR /home/scheduler

# Liveness: /health/live answers 200 whenever the process answers, also while it starts, stops or waits for its
# database, which a new container would not mend. A load balancer or a readiness probe asks /health/ready instead
# (README.md, "In a container"). bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SCHEDULER_PORT} && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# bin/scheduler execs java, so SIGTERM from docker stop reaches the server: best schedules on disk, exit 0.
ENTRYPOINT ["/opt/community-scheduler/bin/scheduler"]
CMD ["serve"]
